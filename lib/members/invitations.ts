import "server-only";
import type { Actor } from "@/lib/audit/record";
import { createHash, randomBytes } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import { hashPassword, passwordSchema } from "@/lib/auth/passwords";
import { memberIdOf } from "@/lib/auth/member";
import { withTenant } from "@/lib/db/tenant";
import { ApiError, conflict, notFound } from "@/lib/http/errors";
import {
  auditMember,
  fieldError,
  lockMembers,
  type MemberActor,
  pendingWhere,
  requirePermission,
  tenantOf,
  userLimit,
} from "./guards";
import { acceptSchema, INVITATION_TTL_MS, inviteSchema } from "./schemas";

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * Invites someone by email. Returns the one-time token for the link (it is
 * stored only as a hash); a new invitation for the same email replaces the
 * old one. The plan's user limit counts members and pending invitations.
 */
export async function inviteMember(actor: MemberActor, input: { email: unknown; role: unknown }) {
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
        invitedById: memberIdOf(actor),
      },
    });
    await auditMember(tx, actor, tenantId, "member.invited", invitation.id, { email, role });
    return { invitation: { id: invitation.id, email, role, expiresAt: invitation.expiresAt }, token };
  });
}

export async function revokeInvitation(actor: MemberActor, invitationId: string) {
  requirePermission(actor, "write:members");
  const tenantId = tenantOf(actor);
  await withTenant(tenantId, async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { ...pendingWhere(tenantId), id: invitationId },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound("The invitation");
    await auditMember(tx, actor, tenantId, "member.invitation_revoked", invitationId);
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
export async function acceptInvitation(
  tenantId: string,
  token: string,
  input: { name: unknown; password: unknown },
  actor: Actor | null = null,
) {
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
    await auditMember(tx, actor, tenantId, "member.joined", user.id, {
      email: user.email,
      role: user.role,
      invitationId: invitation.id,
    });
    return { email: user.email };
  });
}
