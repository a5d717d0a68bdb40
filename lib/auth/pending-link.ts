import "server-only";
import { z } from "zod";
import { mac, macMatches } from "./signing";

/**
 * A single sign-on that found an existing, unlinked account (H1) signs no one
 * in. It leaves this short-lived, signed, httpOnly cookie instead, and the
 * sign-in page asks for the account's password; a password sign-in to that
 * same account on the same host within the lifetime links the identity
 * (lib/auth/sign-in.ts). So the provider can never vouch its way into an
 * account on an email address alone: the account's owner has to agree once.
 */
export const PENDING_LINK_MAX_AGE_SECONDS = 10 * 60;
const PURPOSE = "pending-sso-link";

const pendingLinkSchema = z.object({
  tenantId: z.string().nullable(),
  userId: z.string(),
  email: z.string(),
  issuer: z.string(),
  subject: z.string(),
  expires: z.number(),
});
export type PendingLink = z.infer<typeof pendingLinkSchema>;

export function pendingLinkCookieName(secure: boolean): string {
  return secure ? "__Host-livery.sso-link" : "livery.sso-link";
}

export function sealPendingLink(secret: string, link: Omit<PendingLink, "expires">, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...link, expires: now + PENDING_LINK_MAX_AGE_SECONDS * 1000 })).toString("base64url");
  return `${body}.${mac(secret, PURPOSE, body)}`;
}

/** The pending link in a cookie, if it is genuine and unexpired. */
export function openPendingLink(secret: string, value: string | undefined, now = Date.now()): PendingLink | null {
  const [body = "", signature = ""] = value?.split(".") ?? [];
  if (!body || !macMatches(secret, PURPOSE, body, signature)) return null;
  try {
    const link = pendingLinkSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return link.expires > now ? link : null;
  } catch {
    return null;
  }
}
