import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";
import type { Tx } from "@/lib/db/tenant";
import { conflict } from "@/lib/http/errors";
import { mailInvitation } from "@/lib/members/invitation-mail";
import { INVITATION_TTL_MS } from "@/lib/members/schemas";
import { portalOrigin, type ReachedVia } from "./links";
import { createTenantSchema, type TenantView } from "./schemas";
import { announceTenantChange } from "./status";
import { findTenantViewOrThrow } from "./view";

export type CreatedTenant = TenantView & { invitation: { url: string; expiresAt: string } | null };

const slugTaken = (slug: string) => conflict(`The slug ${slug} is taken.`, [{ path: ["slug"], message: "is taken" }]);

/**
 * Creates a tenant with its (empty) config and, given `ownerEmail`, an OWNER
 * invitation, all in one transaction with their audit entries. The link is
 * returned once (only its hash is stored) and emailed when SMTP_URL is set.
 * `via` says which scheme and port the tenant's portal link should use.
 */
export async function createTenant(
  input: z.input<typeof createTenantSchema>,
  actor: Actor,
  via: ReachedVia,
): Promise<CreatedTenant> {
  const { ownerEmail, ...fields } = createTenantSchema.parse(input);
  let created;
  try {
    created = await withPlatform(async (tx) => {
      // Checked first for a clear answer; the unique index still decides a race (P2002 below).
      if (await tx.tenant.findUnique({ where: { slug: fields.slug }, select: { id: true } })) throw slugTaken(fields.slug);
      const tenant = await tx.tenant.create({ data: { ...fields, config: { create: {} } } });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor,
        action: "tenant.created",
        targetType: "tenant",
        targetId: tenant.id,
        metadata: { ...fields, ownerEmail: ownerEmail ?? null },
      });
      const invitation = ownerEmail ? await inviteOwner(tx, tenant.id, ownerEmail, actor) : null;
      return { view: await findTenantViewOrThrow(tx, tenant.id), invitation };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw slugTaken(fields.slug);
    throw error;
  }
  // A change of existence, like any other (status.ts). The Edge directory's
  // "no such host" entry for the slug expires by itself within 2 s.
  await announceTenantChange(created.view.id);
  if (!created.invitation) return { ...created.view, invitation: null };

  const url = `${portalOrigin(created.view.slug, via)}/invite/${created.invitation.token}`;
  // Best effort, as for member invitations: the caller has the link either way.
  await mailInvitation({
    to: created.invitation.email,
    tenantName: created.view.name,
    role: "OWNER",
    invitedBy: actor.type === "USER" && actor.label ? actor.label : "The Livery team",
    link: url,
  });
  return { ...created.view, invitation: { url, expiresAt: created.invitation.expiresAt.toISOString() } };
}

/**
 * The same invitation lib/members/invitations.ts makes (random 32-byte token,
 * SHA-256 stored, INVITATION_TTL_MS), inside this transaction: inviteMember
 * runs its own transaction as a signed-in member, and there is none yet.
 */
async function inviteOwner(tx: Tx, tenantId: string, email: string, actor: Actor) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await tx.invitation.create({
    data: {
      tenantId,
      email,
      role: "OWNER",
      tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    },
  });
  await recordAudit(tx, {
    tenantId,
    actor,
    action: "member.invited",
    targetType: "user",
    targetId: invitation.id,
    metadata: { email, role: "OWNER" },
  });
  return { token, email, expiresAt: invitation.expiresAt };
}
