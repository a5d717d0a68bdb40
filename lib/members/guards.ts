import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { limitsSchema } from "@/lib/config/schemas";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { ApiError, notFound } from "@/lib/http/errors";
import { effectiveLimits } from "@/lib/tenants/plans";

// What every membership change shares: who may do it, in which tenant, under
// which lock, and how it is recorded.

/** The signed-in user making a change and, from a Server Action, the audit actor with their address and agent. */
export type MemberActor = SessionUser & { audit?: Actor };

export function tenantOf(actor: SessionUser): string {
  if (!actor.tenantId)
    throw new ApiError("tenant_required", 400, "Members belong to a tenant; open this from the tenant's host.");
  return actor.tenantId;
}

export function requirePermission(actor: SessionUser, permission: Permission): void {
  if (!can(actor.role, permission))
    throw new ApiError("insufficient_permissions", 403, `Your role cannot do this (needs ${permission}).`);
}

export function fieldError(path: string, message: string) {
  return new ApiError("validation_failed", 422, `${path} ${message}`, [{ path: [path], message }]);
}

/** Serialises membership changes per tenant: limits and "last owner" rules are checked against a stable view. */
export async function lockMembers(tx: Tx, tenantId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`members:${tenantId}`}))`;
}

export async function userLimit(tx: Tx, tenantId: string): Promise<number> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: true } });
  const overrides = limitsSchema.safeParse(tenant.config?.limits ?? {});
  return effectiveLimits(tenant.plan, overrides.success ? overrides.data : {}).users;
}

export const pendingWhere = (tenantId: string) => ({
  tenantId,
  acceptedAt: null,
  revokedAt: null,
  expiresAt: { gt: new Date() },
});

export async function findMemberOrThrow(tx: Tx, tenantId: string, userId: string) {
  const member = await tx.user.findFirst({ where: { id: userId, tenantId } });
  if (!member) throw notFound("The member");
  return member;
}

export function auditMember(
  tx: Tx,
  actor: MemberActor | Actor | null,
  tenantId: string,
  action: string,
  targetId: string,
  metadata: Prisma.InputJsonObject = {},
) {
  const who = actor && "audit" in actor && actor.audit ? actor.audit : actor;
  return recordAudit(tx, { tenantId, actor: who, action, targetType: "user", targetId, metadata });
}
