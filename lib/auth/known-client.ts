import "server-only";
import { mac, macMatches } from "./signing";

/**
 * Known clients (H4): a browser that has signed in to an account before keeps
 * a long-lived, httpOnly cookie that says so, signed with NEXTAUTH_SECRET and
 * bound to the account (its id and session version, so a password change or
 * "sign out everywhere" forgets every device). Failures by anyone else do not
 * slow it down: it is throttled in a bucket of its own (lib/auth/sign-in.ts),
 * and its password checks go first in the hashing queue. It proves nothing
 * by itself; the password is still checked.
 *
 * Value: up to MAX_ACCOUNTS entries "<userId>.<sessionVersion>.<issuedAt>.<mac>"
 * joined by "~", newest first (a shared computer may know a few accounts).
 */
export const KNOWN_CLIENT_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
const MAX_ACCOUNTS = 5;
const PURPOSE = "known-client";

export type KnownAccount = { id: string; sessionVersion: number };
type Entry = { userId: string; version: number; issuedAt: number; raw: string };

/** `__Host-` where cookies are secure: no Domain, path /, HTTPS only. */
export function knownClientCookieName(secure: boolean): string {
  return secure ? "__Host-livery.known-client" : "livery.known-client";
}

function parse(secret: string, value: string | undefined, nowSeconds: number): Entry[] {
  const entries: Entry[] = [];
  for (const raw of value?.split("~").slice(0, MAX_ACCOUNTS) ?? []) {
    const [userId = "", version = "", issuedAt = "", signature = ""] = raw.split(".");
    const message = `${userId}.${version}.${issuedAt}`;
    const issued = Number(issuedAt);
    if (!Number.isInteger(issued) || issued + KNOWN_CLIENT_MAX_AGE_SECONDS <= nowSeconds) continue;
    if (!macMatches(secret, PURPOSE, message, signature)) continue;
    entries.push({ userId, version: Number(version), issuedAt: issued, raw });
  }
  return entries;
}

/** Whether the cookie marks this browser as one that signed in to the account before. */
export function isKnownClient(secret: string, account: KnownAccount, value: string | undefined, now = Date.now()): boolean {
  return parse(secret, value, Math.floor(now / 1000)).some(
    (e) => e.userId === account.id && e.version === account.sessionVersion,
  );
}

/** The cookie's new value after a successful sign-in to `account`: its entry renewed, others kept. */
export function rememberKnownClient(secret: string, account: KnownAccount, value: string | undefined, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  const message = `${account.id}.${account.sessionVersion}.${issuedAt}`;
  const others = parse(secret, value, issuedAt).filter((e) => e.userId !== account.id);
  return [`${message}.${mac(secret, PURPOSE, message)}`, ...others.map((e) => e.raw)].slice(0, MAX_ACCOUNTS).join("~");
}
