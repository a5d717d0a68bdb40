import "server-only";
import { ApiError } from "@/lib/http/errors";
import { hitRateLimit } from "@/lib/rate-limit/limiter";

/**
 * Browser entry points have their own buckets, in the same store as the API's
 * limits (memory, or Redis when REDIS_URL is set) but never counted against a
 * tenant's API rate. "heavy" is for work that costs real CPU per call (CSS
 * sanitising, image uploads). Per minute; per client address when there is no
 * user (and the address is known: TRUSTED_PROXY_HOPS).
 */
export const ENTRY_LIMITS = {
  standard: { perUser: 120, perTenant: 600, perClient: 60 },
  heavy: { perUser: 60, perTenant: 240, perClient: 20 },
} as const;

/**
 * "unmetered" is for immutable, cacheable public bytes only (brand images,
 * served with a year's Cache-Control): counting them would throttle a busy
 * portal's own logo. tests/integration/entry-registry.test.ts keeps the list.
 */
export type EntryLimit = keyof typeof ENTRY_LIMITS | "unmetered";

export async function enforceEntryLimit(
  limit: EntryLimit,
  who: { userId: string | null; tenantId: string | null; ip: string | null },
): Promise<void> {
  if (limit === "unmetered") return;
  const rule = ENTRY_LIMITS[limit];
  const buckets: [string, number][] = [];
  if (who.userId) buckets.push([`entry:${limit}:user:${who.userId}`, rule.perUser]);
  else if (who.ip) buckets.push([`entry:${limit}:ip:${who.ip}`, rule.perClient]);
  if (who.tenantId) buckets.push([`entry:${limit}:tenant:${who.tenantId}`, rule.perTenant]);
  for (const [key, perMinute] of buckets) {
    const decision = await hitRateLimit(key, perMinute);
    if (!decision.allowed) {
      throw new ApiError("rate_limited", 429, `Too many requests; try again in ${decision.retryAfterSeconds} s.`, {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  }
}
