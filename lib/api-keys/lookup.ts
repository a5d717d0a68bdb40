import "server-only";
import { timingSafeEqual } from "node:crypto";
import { invalidate, onInvalidate } from "@/lib/cache/invalidation";
import { findPlatformApiKeyByHash, findTenantApiKeyByHash, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { getEnv } from "@/lib/env";
import { BOOTSTRAP_PLATFORM_KEY, hashApiKey, isApiKeyFormat } from "./keys";

/**
 * Presented keys are looked up by hash and cached per instance for
 * KEY_TTL_MS, so steady traffic costs no database round trip. Revocation and
 * rotation clear the entry at once here and, through Redis, on every instance
 * (see lib/cache/invalidation.ts); expiry is checked on every request against
 * the cached expiry time, so it needs no invalidation at all.
 */
export const KEY_TTL_MS = 5_000;
export const KEY_INVALIDATION = "api-key";
/** lastUsedAt is written at most this often per key, outside the request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type KnownKey =
  | {
      kind: "tenant";
      id: string;
      tenantId: string;
      /** The rotation chain: one key to the plan's limit and to revocation (lib/api-keys/chains.ts). */
      chainId: string;
      prefix: string;
      name: string;
      permissions: string[];
      rateLimitPerMinute: number | null;
      expiresAt: Date | null;
      revokedAt: Date | null;
    }
  | { kind: "platform"; id: string; prefix: string; name: string; expiresAt: Date | null; revokedAt: Date | null };

type Entry = { key: KnownKey | null; expiresAt: number };
const slot = globalThis as typeof globalThis & {
  __liveryKeyCache?: Map<string, Entry>;
  __liveryKeyTouched?: Map<string, number>;
};
const cache = (slot.__liveryKeyCache ??= new Map());
const touched = (slot.__liveryKeyTouched ??= new Map());

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(hashApiKey(a), "hex");
  const right = Buffer.from(hashApiKey(b), "hex");
  return timingSafeEqual(left, right);
}

async function load(secret: string, hash: string): Promise<KnownKey | null> {
  const bootstrap = getEnv().PLATFORM_API_KEY;
  if (bootstrap && sameSecret(secret, bootstrap)) {
    return { kind: "platform", ...BOOTSTRAP_PLATFORM_KEY, expiresAt: null, revokedAt: null };
  }
  if (secret.startsWith("lvp_")) {
    const row = await findPlatformApiKeyByHash(hash);
    return row && { kind: "platform", ...pick(row) };
  }
  const row = await findTenantApiKeyByHash(hash);
  return (
    row && {
      kind: "tenant",
      ...pick(row),
      tenantId: row.tenantId,
      chainId: row.chainId,
      permissions: row.permissions,
      rateLimitPerMinute: row.rateLimitPerMinute,
    }
  );
}

function pick(row: { id: string; prefix: string; name: string; expiresAt: Date | null; revokedAt: Date | null }) {
  return { id: row.id, prefix: row.prefix, name: row.name, expiresAt: row.expiresAt, revokedAt: row.revokedAt };
}

/** The key a secret belongs to (revoked and expired ones included: the caller says which), or null. */
export async function lookUpApiKey(secret: string): Promise<KnownKey | null> {
  if (!isApiKeyFormat(secret)) return null;
  onInvalidate(KEY_INVALIDATION, (hash) => cache.delete(hash));
  const hash = hashApiKey(secret);
  const cached = cache.get(hash);
  if (cached && cached.expiresAt > Date.now()) return cached.key;
  const key = await load(secret, hash);
  cache.set(hash, { key, expiresAt: Date.now() + KEY_TTL_MS });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
  return key;
}

/** Call after revoking, rotating or deleting a key: every instance forgets it at once. */
export function forgetApiKey(hash: string): Promise<void> {
  return invalidate(KEY_INVALIDATION, hash);
}

/** Records use without a write per request: at most once per TOUCH_INTERVAL_MS per key, after the response. */
export function touchApiKey(key: KnownKey): void {
  if (key.id === BOOTSTRAP_PLATFORM_KEY.id) return;
  const now = Date.now();
  if ((touched.get(key.id) ?? 0) > now - TOUCH_INTERVAL_MS) return;
  touched.set(key.id, now);
  const at = new Date(now);
  const write =
    key.kind === "tenant"
      ? withTenant(key.tenantId, (tx) => tx.tenantApiKey.updateMany({ where: { id: key.id }, data: { lastUsedAt: at } }))
      : withPlatform((tx) => tx.platformApiKey.updateMany({ where: { id: key.id }, data: { lastUsedAt: at } }));
  write.catch((error: Error) => console.error(`[api-keys] lastUsedAt not recorded: ${error.message}`));
}

/** For tests. */
export function resetApiKeyCache(): void {
  cache.clear();
  touched.clear();
}
