import "server-only";
import { can, type TenantRole } from "@/lib/auth/permissions";
import { memberIdOf } from "@/lib/auth/member";
import type { SessionUser } from "@/lib/auth/session";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { ApiError, forbidden } from "@/lib/http/errors";
import {
  auditMember,
  findMemberOrThrow,
  fieldError,
  lockMembers,
  type MemberActor,
  pendingWhere,
  requirePermission,
  tenantOf,
} from "./guards";

export { acceptInvitation, findUsableInvitation, inviteMember, revokeInvitation } from "./invitations";

export async function listMembers(actor: SessionUser) {
  requirePermission(actor, "read:members");
  const tenantId = tenantOf(actor);
  return withTenant(tenantId, async (tx) => ({
    members: await tx.user.findMany({
      where: { tenantId },
      orderBy: [{ role: "asc" }, { email: "asc" }],
      select: { id: true, email: true, name: true, role: true, lastSignInAt: true, createdAt: true },
    }),
    invitations: can(actor.role, "write:members")
      ? await tx.invitation.findMany({
          where: pendingWhere(tenantId),
          orderBy: { createdAt: "desc" },
          select: { id: true, email: true, role: true, expiresAt: true },
        })
      : [],
  }));
}

async function ownerCount(tx: Tx, tenantId: string) {
  return tx.user.count({ where: { tenantId, role: "OWNER" } });
}

export async function changeMemberRole(actor: MemberActor, userId: string, role: TenantRole) {
  requirePermission(actor, "write:members");
  const tenantId = tenantOf(actor);
  await withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    const member = await findMemberOrThrow(tx, tenantId, userId);
    if ((member.role === "OWNER" || role === "OWNER") && !can(actor.role, "manage:ownership")) {
      throw new ApiError("insufficient_permissions", 403, "Only an owner can make or unmake owners.");
    }
    if (member.role === "OWNER" && role !== "OWNER" && (await ownerCount(tx, tenantId)) <= 1) {
      throw new ApiError("last_owner", 409, "A portal needs at least one owner. Make someone else an owner first.");
    }
    // A role change ends the member's sessions so the new rights apply at once.
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await auditMember(tx, actor, tenantId, "member.role_changed", userId, { from: member.role, to: role });
  });
}

export async function removeMember(actor: MemberActor, userId: string) {
  requirePermission(actor, "write:members");
  const tenantId = tenantOf(actor);
  await withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    const member = await findMemberOrThrow(tx, tenantId, userId);
    if (member.role === "OWNER") {
      if (!can(actor.role, "manage:ownership"))
        throw new ApiError("insufficient_permissions", 403, "Only an owner can remove an owner.");
      if ((await ownerCount(tx, tenantId)) <= 1)
        throw new ApiError("last_owner", 409, "The last owner cannot be removed. Transfer ownership first.");
    }
    // What they made stays; it no longer names them.
    await tx.content.updateMany({ where: { tenantId, createdById: userId }, data: { createdById: null } });
    await tx.tenantApiKey.updateMany({ where: { tenantId, createdById: userId }, data: { createdById: null } });
    await tx.invitation.updateMany({ where: { tenantId, invitedById: userId }, data: { invitedById: null } });
    await tx.user.delete({ where: { id: userId } });
    await auditMember(tx, actor, tenantId, "member.removed", userId, { email: member.email, role: member.role });
  });
}

/** The actor (an owner) hands ownership to another member and becomes an admin. */
export async function transferOwnership(actor: MemberActor, toUserId: string) {
  requirePermission(actor, "manage:ownership");
  const tenantId = tenantOf(actor);
  if (toUserId === actor.id) throw fieldError("member", "is you already");
  if (memberIdOf(actor) === null) {
    throw forbidden(
      "not_an_owner",
      "Only an owner of this tenant can hand ownership over. A super-admin acting here can change roles.",
    );
  }
  await withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    const target = await findMemberOrThrow(tx, tenantId, toUserId);
    await tx.user.update({ where: { id: toUserId }, data: { role: "OWNER", sessionVersion: { increment: 1 } } });
    await tx.user.update({ where: { id: actor.id }, data: { role: "ADMIN", sessionVersion: { increment: 1 } } });
    await auditMember(tx, actor, tenantId, "member.ownership_transferred", toUserId, { from: actor.email, to: target.email });
  });
}
