import "server-only";
import { storageUsedBytes } from "./storage";
import { countLiveKeyChains } from "@/lib/api-keys/chains";
import { withTenant } from "@/lib/db/tenant";
import { LIVE_STATES } from "@/lib/domains/states";
import { pendingWhere } from "@/lib/members/guards";
import { LIMITS, type Limit } from "@/lib/tenants/plans";
import type { TenantSnapshot } from "@/lib/tenants/status";

/** One limit with how much of it is in use; `used` is null where it cannot be read cheaply. */
export type LimitUsage = { limit: Limit; allowed: number; used: number | null; remaining: number | null };

/**
 * Each of the tenant's effective limits next to its current use, counted the
 * way the checks count it: users include pending invitations (they take a
 * seat when accepted), storage is content plus brand assets, keys are rotation
 * chains with a working secret, custom domains those pending, verified or lapsing. The rate
 * limit's window lives in the limiter (memory or Redis), not the database,
 * so its use is not reported.
 */
export async function getLimitUsage(tenant: Pick<TenantSnapshot, "id" | "limits">): Promise<LimitUsage[]> {
  const tenantId = tenant.id;
  const now = new Date();
  const used = await withTenant(tenantId, async (tx) => {
    const [members, invitations, storageBytes, apiKeys, contentItems, customDomains] = await Promise.all([
      tx.user.count({ where: { tenantId } }),
      tx.invitation.count({ where: pendingWhere(tenantId) }),
      storageUsedBytes(tx, tenantId),
      // A rotation chain is one key, as the key limit counts it (decision 35).
      countLiveKeyChains(tx, tenantId, now),
      tx.content.count({ where: { tenantId } }),
      tx.tenantDomain.count({ where: { tenantId, state: { in: [...LIVE_STATES] } } }),
    ]);
    return { users: members + invitations, storageBytes, apiKeys, contentItems, customDomains, apiRatePerMinute: null };
  });
  return LIMITS.map((limit) => {
    const allowed = tenant.limits[limit];
    const inUse = used[limit];
    return { limit, allowed, used: inUse, remaining: inUse === null ? null : Math.max(0, allowed - inUse) };
  });
}
