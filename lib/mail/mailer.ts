import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export type MailResult = { sent: true } | { sent: false; reason: string };

const slot = globalThis as typeof globalThis & { __liveryMailer?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (slot.__liveryMailer?.url !== url) slot.__liveryMailer = { url, transport: nodemailer.createTransport(url) };
  return slot.__liveryMailer.transport;
}

/**
 * Sends a plain-text email when SMTP_URL is set. Mail is a convenience here,
 * never the only way: callers always have the link to show, so a missing or
 * failing mail server is reported, not thrown.
 */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<MailResult> {
  const env = getEnv();
  if (!env.SMTP_URL) return { sent: false, reason: "no mail server is configured (SMTP_URL)" };
  try {
    await transport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM ?? `Livery <no-reply@${env.ROOT_DOMAIN}>`, ...message });
    return { sent: true };
  } catch (error) {
    console.error(`[mail] sending to ${message.to} failed: ${(error as Error).message}`);
    return { sent: false, reason: "the mail server did not accept the message" };
  }
}
