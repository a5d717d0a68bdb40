import "server-only";
import { withPlatform } from "@/lib/db/platform";
import { ApiError, notFound } from "@/lib/http/errors";
import { announceTenantChange } from "./status";

/** Who did it, for the audit log. */
export type Actor = {
  type: "USER" | "PLATFORM_API_KEY" | "SYSTEM";
  id?: string;
  label?: string;
  ip?: string;
  userAgent?: string;
};

function auditFields(actor: Actor) {
  return {
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorLabel: actor.label ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
  };
}

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
    await tx.auditLog.create({
      data: {
        tenantId,
        ...auditFields(actor),
        action: "tenant.suspended",
        targetType: "tenant",
        targetId: tenantId,
        metadata: { reason: trimmed, before: before.status },
      },
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
    await tx.auditLog.create({
      data: {
        tenantId,
        ...auditFields(actor),
        action: "tenant.activated",
        targetType: "tenant",
        targetId: tenantId,
        metadata: { before: before.status },
      },
    });
    return after;
  });
  await announceTenantChange(tenantId);
  return tenant;
}
