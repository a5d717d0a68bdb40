import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { withPlatform } from "@/lib/db/platform";
import { ApiError, notFound } from "@/lib/http/errors";
import { announceTenantChange } from "./status";

/**
 * Suspends a tenant: its portal and API refuse every request at once on this
 * instance, and on every instance when REDIS_URL is set (see status.ts).
 * The change and its audit entry are one transaction.
 */
export async function suspendTenant(tenantId: string, reason: string, actor: Actor) {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > 500) {
    throw new ApiError("validation_failed", 422, "A reason of 1 to 500 characters is required.", [
      { path: ["reason"], message: "is required" },
    ]);
  }
  const tenant = await withPlatform(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: tenantId } });
    if (!before) throw notFound("The tenant");
    const after = await tx.tenant.update({
      where: { id: tenantId },
      data: { status: "SUSPENDED", suspendedReason: trimmed, suspendedAt: before.suspendedAt ?? new Date() },
    });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "tenant.suspended",
      targetType: "tenant",
      targetId: tenantId,
      metadata: { reason: trimmed, before: before.status },
    });
    return after;
  });
  await announceTenantChange(tenantId);
  return tenant;
}

export async function activateTenant(tenantId: string, actor: Actor) {
  const tenant = await withPlatform(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: tenantId } });
    if (!before) throw notFound("The tenant");
    const after = await tx.tenant.update({
      where: { id: tenantId },
      data: { status: "ACTIVE", suspendedReason: null, suspendedAt: null },
    });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "tenant.activated",
      targetType: "tenant",
      targetId: tenantId,
      metadata: { before: before.status },
    });
    return after;
  });
  await announceTenantChange(tenantId);
  return tenant;
}
