"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction, tenantAction } from "@/lib/entry-points/action";
import { isUuid } from "@/lib/http/ids";
import { acceptInvitation, inviteMember, revokeInvitation } from "./invitations";
import { mailInvitation } from "./invitation-mail";
import { tenantRoleSchema } from "./schemas";
import { changeMemberRole, removeMember, transferOwnership } from "./service";

// The members page's actions. The entry-point client checks the session for
// this host, the tenant's status and the permission; the services check the
// finer rules (owners only by owners, the last owner stays).

const id = z.string().refine(isUuid, "is not a valid id");
const memberInput = z.object({ userId: id });

async function origin(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("host")}`;
}

export const inviteAction = tenantAction(
  { permission: "write:members", input: z.object({ email: z.string().max(1000), role: z.string().max(20) }), form: true },
  async ({ ctx, input }) => {
    const { token, invitation } = await inviteMember({ ...ctx.user, audit: ctx.actor }, input);
    const link = `${await origin()}/invite/${token}`;
    const mail = await mailInvitation({
      to: invitation.email,
      tenantName: ctx.tenant.name,
      role: invitation.role,
      invitedBy: ctx.user.name,
      link,
    });
    revalidatePath("/members");
    const mailed = mail.sent ? " It was also emailed to them." : ` It was not emailed: ${mail.reason}.`;
    return { message: `Invitation for ${invitation.email} created.${mailed}`, data: { link } };
  },
);

export const changeRoleAction = tenantAction(
  { permission: "write:members", input: memberInput.extend({ role: tenantRoleSchema }) },
  async ({ ctx, input }) => {
    await changeMemberRole({ ...ctx.user, audit: ctx.actor }, input.userId, input.role);
    revalidatePath("/members");
    return { message: "Role changed." };
  },
);

export const removeMemberAction = tenantAction({ permission: "write:members", input: memberInput }, async ({ ctx, input }) => {
  await removeMember({ ...ctx.user, audit: ctx.actor }, input.userId);
  revalidatePath("/members");
  return { message: "Member removed." };
});

export const transferOwnershipAction = tenantAction(
  { permission: "manage:ownership", acting: "refuse", input: memberInput },
  async ({ ctx, input }) => {
    await transferOwnership({ ...ctx.user, audit: ctx.actor }, input.userId);
    revalidatePath("/members");
    return { message: "Ownership transferred. You are now an admin; sign in again." };
  },
);

export const revokeInvitationAction = tenantAction(
  { permission: "write:members", input: z.object({ invitationId: id }) },
  async ({ ctx, input }) => {
    await revokeInvitation({ ...ctx.user, audit: ctx.actor }, input.invitationId);
    revalidatePath("/members");
    return { message: "Invitation withdrawn." };
  },
);

/** Anyone holding the link may accept it, on the tenant's own host only. */
export const acceptInvitationAction = publicAction(
  { input: z.object({ token: z.string().max(200), name: z.string().max(1000), password: z.string().max(1024) }), form: true },
  async ({ ctx, input }) => {
    const { email } = await acceptInvitation(ctx.tenantId, input.token, input, ctx.actor);
    return { message: "Welcome! Signing you in…", data: { email } };
  },
);
