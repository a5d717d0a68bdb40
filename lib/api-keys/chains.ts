import "server-only";
import type { Tx } from "@/lib/db/tenant";
import { lockTenantLimit } from "@/lib/tenants/limit-lock";
import { type PreviousSecret, usableWhere } from "./status";

/**
 * Serialises every change to a tenant's keys (create, rotate, revoke) on the
 * lock the key limit already uses: a revocation cannot miss the key a
 * concurrent rotation is adding to the chain, and two creates cannot both
 * take the last slot.
 */
export function lockTenantKeys(tx: Tx, tenantId: string): Promise<void> {
  return lockTenantLimit(tx, tenantId, "apiKeys");
}

/** What the plan's key limit counts: chains with at least one secret that still works. */
export async function countLiveKeyChains(tx: Tx, tenantId: string, now: Date): Promise<number> {
  const chains = await tx.tenantApiKey.groupBy({ by: ["chainId"], where: { tenantId, ...usableWhere(now) } });
  return chains.length;
}

/**
 * The previous secret of each chain whose replaced key still works (its grace
 * period), by chainId. Rotation keeps at most one per chain; should older
 * data hold more, the newest is shown.
 */
export async function previousSecretsOf(tx: Tx, tenantId: string, now: Date): Promise<Map<string, PreviousSecret>> {
  const rows = await tx.tenantApiKey.findMany({
    where: { tenantId, replacedById: { not: null }, expiresAt: { not: null }, ...usableWhere(now) },
    select: { chainId: true, prefix: true, expiresAt: true, lastUsedAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byChain = new Map<string, PreviousSecret>();
  for (const row of rows) byChain.set(row.chainId, { prefix: row.prefix, expiresAt: row.expiresAt!, lastUsedAt: row.lastUsedAt });
  return byChain;
}
