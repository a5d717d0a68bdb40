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
 * Runs `fn` in one transaction on the tenant login, bound to this tenant and
 * as the tenant role. `livery_enter_tenant` binds the tenant to the
 * transaction once (a second, different tenant is refused) and the policies
 * trust nothing else; the role switch is transaction-local. Both end with the
 * transaction, so nothing reaches the next user of a pooled connection
 * (PgBouncer in transaction mode included). Row-level security then limits
 * every statement in `fn` to this tenant's rows. See the migration
 * `…_tenant_binding` and decision "The tenant is bound to the transaction".
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId)) throw new TypeError("withTenant: tenantId must be a UUID");
  return rawDb("tenant").$transaction(async (tx) => {
    // One round trip. EXECUTE on the function is checked before either call
    // runs, as the login; the function then runs as its owner.
    await tx.$executeRaw`SELECT livery_enter_tenant(${tenantId}::uuid), set_config('role', ${TENANT_ROLE}, true)`;
    return fn(tx);
  }, TRANSACTION_OPTIONS);
}
