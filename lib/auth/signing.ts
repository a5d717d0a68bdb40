import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * HMAC-SHA256 of `message` under NEXTAUTH_SECRET, separated by purpose so a
 * value signed for one cookie never verifies as another.
 */
export function mac(secret: string, purpose: string, message: string): string {
  return createHmac("sha256", secret).update(`livery:${purpose}\0${message}`).digest("base64url");
}

export function macMatches(secret: string, purpose: string, message: string, candidate: string): boolean {
  const expected = Buffer.from(mac(secret, purpose, message));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One cookie's value from a Cookie request header. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
