import bcrypt from "bcryptjs";
import { z } from "zod";

// Length over complexity (NIST SP 800-63B): at least 12 characters, no
// composition rules, refuse the commonest choices and the user's own email.
// bcrypt reads only the first 72 bytes, so longer passwords are refused
// rather than silently truncated.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_BYTES = 72;
const BCRYPT_COST = 12;

const COMMON = new Set([
  "123456789012",
  "password1234",
  "passwordpassword",
  "qwertyuiopas",
  "111111111111",
  "123123123123",
  "iloveyou1234",
  "letmeinletmein",
  "adminadmin123",
  "welcome12345",
  "changeme1234",
  "qwerty123456",
  "abcdefghijkl",
  "000000000000",
  "password123!",
  "1q2w3e4r5t6y",
]);

export function passwordSchema(email?: string) {
  return z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .refine((p) => new TextEncoder().encode(p).byteLength <= PASSWORD_MAX_BYTES, `must be at most ${PASSWORD_MAX_BYTES} bytes`)
    .refine((p) => !COMMON.has(p.toLowerCase()), "is one of the most common passwords")
    .refine((p) => new Set(p).size >= 4, "needs more than three different characters")
    .refine((p) => {
      const local = email?.split("@")[0]?.toLowerCase();
      return !local || local.length < 4 || !p.toLowerCase().includes(local);
    }, "must not contain your email address");
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/**
 * A hash of a random password, compared against when the account does not
 * exist, so an unknown email takes as long as a wrong password.
 */
const DUMMY_HASH = bcrypt.hashSync(`unknown-account-${Math.random()}`, BCRYPT_COST);

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DUMMY_HASH).then((ok) => ok && !!hash);
}
