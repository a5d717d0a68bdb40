import "server-only";
import { type Algorithm, hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { verify as bcryptVerify } from "@node-rs/bcrypt";
import { z } from "zod";
import { passwordWork } from "./password-work";

// Length over complexity (NIST SP 800-63B): at least 12 characters, no
// composition rules, refuse the commonest choices and the user's own email.
// The 72-byte ceiling dates from bcrypt (which reads only the first 72
// bytes); argon2id has none, but the rule stays so that no password is valid
// under one algorithm and not the other while old hashes remain.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_BYTES = 72;

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

// argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): about 30 ms on
// one core of the thread pool. `Algorithm.Argon2id` is a const enum, which
// isolated modules cannot read, hence the literal.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/** A new hash (argon2id), computed off the event loop; throws PasswordWorkBusyError when the queue is full. */
export function hashPassword(password: string): Promise<string> {
  return passwordWork().run(() => argon2Hash(password, ARGON2));
}

/**
 * A hash of a random password, compared against when the account does not
 * exist, so an unknown email costs the same hash as a wrong password.
 */
let dummyHash: Promise<string> | undefined;

function dummy(): Promise<string> {
  dummyHash ??= hashPassword(`unknown-account-${crypto.randomUUID()}`).catch((error: unknown) => {
    dummyHash = undefined; // a busy queue at the first call must not stick
    throw error;
  });
  return dummyHash;
}

async function compare(password: string, hash: string): Promise<boolean> {
  try {
    if (hash.startsWith("$argon2")) return await argon2Verify(hash, password);
    // Hashes from before argon2id (bcryptjs, cost 12), until re-hashed at the next sign-in.
    if (/^\$2[aby]\$/.test(hash)) return await bcryptVerify(password, hash);
  } catch {
    // A malformed stored hash matches nothing.
  }
  return false;
}

/**
 * Whether `password` matches `hash`; a missing hash (unknown account, or an
 * account without a password) costs one hash all the same and never matches.
 * Runs through the bounded queue: throws PasswordWorkBusyError when it is full.
 * `priority` is for known clients (lib/auth/known-client.ts).
 */
export async function verifyPassword(
  password: string,
  hash: string | null | undefined,
  options: { priority?: boolean } = {},
): Promise<boolean> {
  const against = hash ?? (await dummy());
  const ok = await passwordWork().run(() => compare(password, against), options.priority);
  return ok && !!hash;
}

/** Whether a stored hash predates the current algorithm or parameters, so the next successful sign-in replaces it. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(CURRENT_PREFIX);
}
