import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { can, type Permission, type TenantRole } from "@/lib/auth/permissions";
import { hashPassword, passwordSchema } from "@/lib/auth/passwords";
import type { SessionUser } from "@/lib/auth/session";
import { limitsSchema } from "@/lib/config/schemas";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { ApiError, conflict, notFound } from "@/lib/http/errors";
import { effectiveLimits } from "@/lib/tenants/plans";
import { acceptSchema, INVITATION_TTL_MS, inviteSchema } from "./schemas";

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function tenantOf(actor: SessionUser): string {
  if (!actor.tenantId)
    throw new ApiError("tenant_required", 400, "Members belong to a tenant; open this from the tenant's host.");
  return actor.tenantId;
}

function requirePermission(actor: SessionUser, permission: Permission): void {
  if (!can(actor.role, permission))
    throw new ApiError("insufficient_permissions", 403, `Your role cannot do this (needs ${permission}).`);
}

function fieldError(path: string, message: string) {
  return new ApiError("validation_failed", 422, `${path} ${message}`, [{ path: [path], message }]);
}

/** Serialises membership changes per tenant: limits and "last owner" rules are checked against a stable view. */
async function lockMembers(tx: Tx, tenantId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`members:${tenantId}`}))`;
}

async function userLimit(tx: Tx, tenantId: string): Promise<number> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: true } });
  const overrides = limitsSchema.safeParse(tenant.config?.limits ?? {});
  return effectiveLimits(tenant.plan, overrides.success ? overrides.data : {}).users;
}

const pendingWhere = (tenantId: string) => ({ tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } });

async function audit(
  tx: Tx,
  actor: SessionUser | null,
  tenantId: string,
  action: string,
  targetId: string,
  metadata: object = {},
) {
  await tx.auditLog.create({
    data: {
      tenantId,
      actorType: actor ? "USER" : "SYSTEM",
      actorId: actor?.id,
      actorLabel: actor?.email,
      action,
      targetType: "user",
      targetId,
      metadata,
    },
  });
}

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

/**
 * Invites someone by email. Returns the one-time token for the link (it is
 * stored only as a hash); a new invitation for the same email replaces the
 * old one. The plan's user limit counts members and pending invitations.
 */
export async function inviteMember(actor: SessionUser, input: { email: unknown; role: unknown }) {
  requirePermission(actor, "write:members");
  const tenantId = tenantOf(actor);
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) throw fieldError(String(parsed.error.issues[0]!.path[0]), parsed.error.issues[0]!.message);
  const { email, role } = parsed.data;
  if (role === "OWNER" && !can(actor.role, "manage:ownership"))
    throw new ApiError("insufficient_permissions", 403, "Only an owner can invite another owner.");

  return withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    if (await tx.user.findUnique({ where: { tenantId_email: { tenantId, email } } }))
      throw conflict(`${email} is already a member.`, [{ path: ["email"], message: "is already a member" }]);
    await tx.invitation.updateMany({ where: { ...pendingWhere(tenantId), email }, data: { revokedAt: new Date() } });
    const [members, pending, limit] = await Promise.all([
      tx.user.count({ where: { tenantId } }),
      tx.invitation.count({ where: pendingWhere(tenantId) }),
      userLimit(tx, tenantId),
    ]);
    if (members + pending >= limit) {
      throw new ApiError(
        "limit_exceeded",
        403,
        `Your plan allows ${limit} users; ${members} members and ${pending} pending invitations already count toward it.`,
      );
    }
    const token = randomBytes(32).toString("base64url");
    const invitation = await tx.invitation.create({
      data: {
        tenantId,
        email,
        role,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        invitedById: actor.id,
      },
    });
    await audit(tx, actor, tenantId, "member.invited", invitation.id, { email, role });
    return { invitation: { id: invitation.id, email, role, expiresAt: invitation.expiresAt }, token };
  });
}

export async function revokeInvitation(actor: SessionUser, invitationId: string) {
  requirePermission(actor, "write:members");
  const tenantId = tenantOf(actor);
  await withTenant(tenantId, async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { ...pendingWhere(tenantId), id: invitationId },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound("The invitation");
    await audit(tx, actor, tenantId, "member.invitation_revoked", invitationId);
  });
}

/** The invitation a token opens on this tenant, if it can still be used. */
export function findUsableInvitation(tenantId: string, token: string) {
  return withTenant(tenantId, (tx) =>
    tx.invitation.findFirst({
      where: { ...pendingWhere(tenantId), tokenHash: hashToken(token) },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  );
}

/** Accepting sets the new member's name and password; the link then stops working. */
export async function acceptInvitation(tenantId: string, token: string, input: { name: unknown; password: unknown }) {
  const parsed = acceptSchema.safeParse(input);
  if (!parsed.success) throw fieldError(String(parsed.error.issues[0]!.path[0]), parsed.error.issues[0]!.message);
  return withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    const invitation = await tx.invitation.findFirst({ where: { ...pendingWhere(tenantId), tokenHash: hashToken(token) } });
    if (!invitation)
      throw new ApiError(
        "invitation_invalid",
        410,
        "This invitation link has expired, was already used or was withdrawn. Ask for a new one.",
      );
    const rules = passwordSchema(invitation.email).safeParse(parsed.data.password);
    if (!rules.success) throw fieldError("password", rules.error.issues[0]!.message);
    const [members, limit] = await Promise.all([tx.user.count({ where: { tenantId } }), userLimit(tx, tenantId)]);
    if (members >= limit)
      throw new ApiError(
        "limit_exceeded",
        403,
        `This portal has reached its plan's limit of ${limit} users. Ask an administrator.`,
      );
    if (await tx.user.findUnique({ where: { tenantId_email: { tenantId, email: invitation.email } } }))
      throw conflict(`${invitation.email} is already a member.`);
    const user = await tx.user.create({
      data: {
        tenantId,
        email: invitation.email,
        name: parsed.data.name,
        role: invitation.role,
        passwordHash: await hashPassword(parsed.data.password),
      },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await audit(tx, null, tenantId, "member.joined", user.id, {
      email: user.email,
      role: user.role,
      invitationId: invitation.id,
    });
    return { email: user.email };
  });
}

async function ownerCount(tx: Tx, tenantId: string) {
  return tx.user.count({ where: { tenantId, role: "OWNER" } });
}

export async function changeMemberRole(actor: SessionUser, userId: string, role: TenantRole) {
  requirePermission(actor, "write:members");
  const tenantId = tenantOf(actor);
  await withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    const member = await tx.user.findFirst({ where: { id: userId, tenantId } });
    if (!member) throw notFound("The member");
    if ((member.role === "OWNER" || role === "OWNER") && !can(actor.role, "manage:ownership")) {
      throw new ApiError("insufficient_permissions", 403, "Only an owner can make or unmake owners.");
    }
    if (member.role === "OWNER" && role !== "OWNER" && (await ownerCount(tx, tenantId)) <= 1) {
      throw new ApiError("last_owner", 409, "A portal needs at least one owner. Make someone else an owner first.");
    }
    // A role change ends the member's sessions so the new rights apply at once.
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await audit(tx, actor, tenantId, "member.role_changed", userId, { from: member.role, to: role });
  });
}

export async function removeMember(actor: SessionUser, userId: string) {
  requirePermission(actor, "write:members");
  const tenantId = tenantOf(actor);
  await withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    const member = await tx.user.findFirst({ where: { id: userId, tenantId } });
    if (!member) throw notFound("The member");
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
    await audit(tx, actor, tenantId, "member.removed", userId, { email: member.email, role: member.role });
  });
}

/** The actor (an owner) hands ownership to another member and becomes an admin. */
export async function transferOwnership(actor: SessionUser, toUserId: string) {
  requirePermission(actor, "manage:ownership");
  const tenantId = tenantOf(actor);
  if (toUserId === actor.id) throw fieldError("member", "is you already");
  await withTenant(tenantId, async (tx) => {
    await lockMembers(tx, tenantId);
    const target = await tx.user.findFirst({ where: { id: toUserId, tenantId } });
    if (!target) throw notFound("The member");
    await tx.user.update({ where: { id: toUserId }, data: { role: "OWNER", sessionVersion: { increment: 1 } } });
    await tx.user.update({ where: { id: actor.id }, data: { role: "ADMIN", sessionVersion: { increment: 1 } } });
    await audit(tx, actor, tenantId, "member.ownership_transferred", toUserId, { from: actor.email, to: target.email });
  });
}
