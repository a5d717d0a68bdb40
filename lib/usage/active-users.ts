import "server-only";
import type { Tx } from "@/lib/db/tenant";
import { utcDay } from "./meter";
import { carriedStorage } from "./storage";

/**
 * Records a tenant user's sign-in and counts them once per UTC day in
 * `activeUsers`. The user's row is locked first, so two sign-ins at the same
 * moment cannot both see "not yet today" and count twice.
 */
export async function recordTenantSignIn(tx: Tx, tenantId: string, userId: string, at = new Date()): Promise<void> {
  const [previous] = await tx.$queryRaw<{ lastSignInAt: Date | null }[]>`
    SELECT "lastSignInAt" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
  if (!previous) return;
  await tx.user.update({ where: { id: userId }, data: { lastSignInAt: at } });
  const day = utcDay(at);
  if (previous.lastSignInAt && utcDay(previous.lastSignInAt) === day) return;
  await tx.$executeRaw`
    INSERT INTO "TenantUsageMetric" ("id", "tenantId", "day", "activeUsers", "storageBytes", "updatedAt")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${day}::date, 1, ${carriedStorage(tenantId, day)}, now())
    ON CONFLICT ("tenantId", "day") DO UPDATE SET
      "activeUsers" = "TenantUsageMetric"."activeUsers" + 1, "updatedAt" = now()`;
}
