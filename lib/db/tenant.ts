import "server-only";
import { rawDb } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { isUuid } from "@/lib/http/ids";

export type Tx = Prisma.TransactionClient;

export const TENANT_ROLE = "livery_tenant";
export const PLATFORM_ROLE = "livery_platform";

// PGlite serialises transactions, so a busy embedded database can make a
// transaction wait longer than Prisma's 2 s / 5 s defaults.
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * Runs `fn` in one transaction as the tenant role with `app.tenant_id` set.
 * Both settings are transaction-local (`set_config(..., true)`), so they end
 * with the transaction and cannot leak to the next user of a pooled connection
 * (PgBouncer in transaction mode included). Row-level security then limits
 * every statement in `fn` to this tenant's rows.
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId)) throw new TypeError("withTenant: tenantId must be a UUID");
  return rawDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('role', ${TENANT_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`;
    return fn(tx);
  }, TRANSACTION_OPTIONS);
}
