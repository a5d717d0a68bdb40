import "server-only";
import { onInvalidate } from "@/lib/cache/invalidation";
import { findTenantBySlug } from "@/lib/db/platform";
import { slugSchema } from "@/lib/tenants/schemas";
import { TENANT_INVALIDATION } from "@/lib/tenants/status";

/**
 * The tenant id an `X-Tenant-Slug` names, for the API layer, which resolves
 * the header only after the credential is known (the middleware passes it on
 * unjudged): asked without a credential, the API answers 401 whatever the
 * slug, so the header tells nobody which tenants exist or are suspended.
 * Slugs never change, so answers are kept per instance (misses briefly, so a
 * new tenant is found soon); any tenant change clears them.
 */
const FOUND_TTL_MS = 60_000;
const MISSING_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { id: string | null; expiresAt: number };
const slot = globalThis as typeof globalThis & { __liverySlugHints?: Map<string, Entry> };
const entries = (slot.__liverySlugHints ??= new Map());

// One handler, registered once per call but kept in a Set: a new closure per request would grow it.
const forgetAll = () => entries.clear();

export async function tenantIdForSlug(raw: string): Promise<string | null> {
  onInvalidate(TENANT_INVALIDATION, forgetAll);
  const slug = slugSchema.safeParse(raw);
  if (!slug.success) return null;
  const cached = entries.get(slug.data);
  if (cached && cached.expiresAt > Date.now()) return cached.id;
  const id = (await findTenantBySlug(slug.data))?.id ?? null;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(slug.data, { id, expiresAt: Date.now() + (id ? FOUND_TTL_MS : MISSING_TTL_MS) });
  return id;
}
