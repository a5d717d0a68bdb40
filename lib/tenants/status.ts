import "server-only";
import { invalidate, onInvalidate, resetInvalidationSubscription } from "@/lib/cache/invalidation";
import { brandingSchema, featuresSchema, limitsSchema, securitySchema } from "@/lib/config/schemas";
import type { Plan, TenantStatus } from "@/lib/db/generated/prisma/enums";
import { withTenant } from "@/lib/db/tenant";
import { ROUTING_STATES } from "@/lib/domains/states";
import { type Feature, type Limits, effectiveFeatures, effectiveLimits } from "./plans";

/**
 * The Node layer's view of a tenant: status, plan and the parts of its config
 * every API request needs (limits, features, IP allowlist). Re-checked on
 * every tenant request so that a suspension or a plan change does not wait
 * for the Edge directory's TTL.
 *
 * Per instance, a snapshot is trusted for STATUS_TTL_MS. A change made on this
 * instance clears it at once; with REDIS_URL set, the change is published and
 * every instance clears it at once too. Without Redis, other instances see it
 * within STATUS_TTL_MS.
 */
export const STATUS_TTL_MS = 1_000;
export const TENANT_INVALIDATION = "tenant";

export type TenantSnapshot = {
  id: string;
  slug: string;
  name: string;
  plan: Plan;
  status: TenantStatus;
  limits: Limits;
  features: Record<Feature, boolean>;
  ipAllowlist: string[];
  allowedDomains: string[];
  /**
   * The tenant's own domains that route to it now: verified or lapsing, and
   * within the plan's customDomains count (the earliest verified first), as
   * findTenantByVerifiedHostname decides. Requests on any other custom domain
   * are refused by the Node layer even while the middleware's directory still
   * holds an older answer (lib/tenancy/serves-host.ts).
   */
  customHostnames: string[];
  branding: { primaryColor?: string; accentColor?: string; logoUrl?: string; faviconUrl?: string };
};

type Entry = { snapshot: TenantSnapshot | null; expiresAt: number };
const slot = globalThis as typeof globalThis & { __liveryTenantSnapshots?: Map<string, Entry> };
const entries = (slot.__liveryTenantSnapshots ??= new Map());

async function loadSnapshot(tenantId: string): Promise<TenantSnapshot | null> {
  const tenant = await withTenant(tenantId, (tx) =>
    tx.tenant.findUnique({
      where: { id: tenantId },
      include: {
        config: true,
        domains: {
          where: { state: { in: [...ROUTING_STATES] }, verifiedAt: { not: null } },
          orderBy: [{ verifiedAt: "asc" }, { id: "asc" }],
          select: { hostname: true },
        },
      },
    }),
  );
  if (!tenant) return null;
  // Stored config was validated on write; anything that no longer parses
  // (rules tightened since) counts as unset, never as raw input.
  const parse = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown): T =>
    (schema.safeParse(value ?? {}).data ?? {}) as T;
  const limits = parse<Partial<Limits>>(limitsSchema, tenant.config?.limits);
  const features = parse<Partial<Record<Feature, boolean>>>(featuresSchema, tenant.config?.features);
  const security = parse<{ ipAllowlist?: string[]; allowedDomains?: string[] }>(securitySchema, tenant.config?.security);
  const { primaryColor, accentColor, logoUrl, faviconUrl } = parse<TenantSnapshot["branding"]>(
    brandingSchema,
    tenant.config?.branding,
  );
  const branding = { primaryColor, accentColor, logoUrl, faviconUrl };
  const effective = effectiveLimits(tenant.plan, limits);
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    plan: tenant.plan,
    status: tenant.status,
    limits: effective,
    features: effectiveFeatures(tenant.plan, features),
    ipAllowlist: security.ipAllowlist ?? [],
    allowedDomains: security.allowedDomains ?? [],
    customHostnames: tenant.domains.slice(0, Math.max(0, effective.customDomains)).map((d) => d.hostname),
    branding,
  };
}

/** The tenant as this instance currently trusts it, or null when it does not exist (any more). */
export async function getTenantSnapshot(tenantId: string): Promise<TenantSnapshot | null> {
  onInvalidate(TENANT_INVALIDATION, forget);
  const cached = entries.get(tenantId);
  if (cached && cached.expiresAt > Date.now()) return cached.snapshot;
  const snapshot = await loadSnapshot(tenantId);
  entries.set(tenantId, { snapshot, expiresAt: Date.now() + STATUS_TTL_MS });
  return snapshot;
}

/** ACTIVE, SUSPENDED, or null when the tenant does not exist (any more). */
export async function getTenantStatus(tenantId: string): Promise<TenantStatus | null> {
  return (await getTenantSnapshot(tenantId))?.status ?? null;
}

function forget(tenantId: string): void {
  entries.delete(tenantId);
}

/** Call after changing a tenant's status, plan, config, slug, domains or existence. */
export async function announceTenantChange(tenantId: string): Promise<void> {
  await invalidate(TENANT_INVALIDATION, tenantId);
}

/** For tests: forget every cached snapshot, and subscribe again on next use (e.g. after REDIS_URL changed). */
export function resetTenantStatus(): void {
  entries.clear();
  resetInvalidationSubscription();
}
