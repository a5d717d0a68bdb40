import "server-only";
import type { Tx } from "@/lib/db/tenant";

/**
 * Serialises the transactions that check and consume one limit of one tenant
 * (`apiKeys`, `contentItems`, `storageBytes`, …): the second of two concurrent
 * creates waits, then counts the first one's row, so both cannot pass at the
 * limit. Transaction-scoped, so it is released with the transaction, also
 * through PgBouncer in transaction mode.
 */
export async function lockTenantLimit(tx: Tx, tenantId: string, limit: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`limit:${limit}:${tenantId}`}))`;
}
