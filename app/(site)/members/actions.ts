"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { type ActionResult, toActionResult } from "@/lib/http/action-result";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation, transferOwnership } from "@/lib/members/service";
import { mailInvitation } from "@/lib/members/invitation-mail";
import { tenantRoleSchema } from "@/lib/members/schemas";
import { getRequestBrand } from "@/lib/tenancy/current";

// Public endpoints like any Server Action: each checks the session for this
// host, and the service checks the permission, whatever the page showed.

const SIGNED_OUT = { ok: false, message: "Your session has ended. Sign in again." } as const;

async function origin(): Promise<string> {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("host")}`;
}

/** The signed-in user of this host does `work`; the members page shows the outcome. */
async function asSignedIn<T = undefined>(
  work: (user: SessionUser) => Promise<{ message: string; data?: T }>,
): Promise<ActionResult<T>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  const result = await toActionResult(() => work(user));
  revalidatePath("/members");
  return result;
}

export async function inviteAction(_: unknown, form: FormData): Promise<ActionResult<{ link: string }>> {
  return asSignedIn(async (user) => {
    const { token, invitation } = await inviteMember(user, { email: form.get("email"), role: form.get("role") });
    const link = `${await origin()}/invite/${token}`;
    const brand = await getRequestBrand();
    const mail = await mailInvitation({
      to: invitation.email,
      tenantName: brand?.name ?? "Livery",
      role: invitation.role,
      invitedBy: user.name,
      link,
    });
    const mailed = mail.sent ? " It was also emailed to them." : ` It was not emailed: ${mail.reason}.`;
    return { message: `Invitation for ${invitation.email} created.${mailed}`, data: { link } };
  });
}

export async function changeRoleAction(userId: string, role: string): Promise<ActionResult> {
  const parsed = tenantRoleSchema.safeParse(role);
  if (!parsed.success) return { ok: false, message: "Choose a valid role." };
  return asSignedIn(async (user) => {
    await changeMemberRole(user, userId, parsed.data);
    return { message: "Role changed." };
  });
}

export async function removeMemberAction(userId: string): Promise<ActionResult> {
  return asSignedIn(async (user) => {
    await removeMember(user, userId);
    return { message: "Member removed." };
  });
}

export async function transferOwnershipAction(userId: string): Promise<ActionResult> {
  return asSignedIn(async (user) => {
    await transferOwnership(user, userId);
    return { message: "Ownership transferred. You are now an admin; sign in again." };
  });
}

export async function revokeInvitationAction(invitationId: string): Promise<ActionResult> {
  return asSignedIn(async (user) => {
    await revokeInvitation(user, invitationId);
    return { message: "Invitation withdrawn." };
  });
}
