import "server-only";
import { type MailResult, sendMail } from "@/lib/mail/mailer";

export function mailInvitation(invite: {
  to: string;
  tenantName: string;
  role: string;
  invitedBy: string;
  link: string;
}): Promise<MailResult> {
  return sendMail({
    to: invite.to,
    subject: `You are invited to ${invite.tenantName}`,
    text: [
      `${invite.invitedBy} invited you to join ${invite.tenantName} as ${invite.role.toLowerCase()}.`,
      "",
      `Open this link to choose your password and sign in (it works once, for 7 days):`,
      invite.link,
      "",
      "If you did not expect this, ignore this message.",
    ].join("\n"),
  });
}
