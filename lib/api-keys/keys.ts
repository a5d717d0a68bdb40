import { createHash, randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SECRET_LENGTH = 40; // 40 base62 characters ≈ 238 bits
const PREFIX_LENGTH = 10; // what lists show: "lv_" + 7 characters

export const TENANT_KEY_PREFIX = "lv_";
export const PLATFORM_KEY_PREFIX = "lvp_";

/**
 * How the bootstrap key (PLATFORM_API_KEY, from the environment) appears in
 * audit entries and logs: by name, with no character of its secret (the
 * prefix is only the public `lvp_` every platform key starts with).
 */
export const BOOTSTRAP_PLATFORM_KEY = { id: "env", name: "PLATFORM_API_KEY", prefix: PLATFORM_KEY_PREFIX } as const;

const keyPattern = /^lvp?_[0-9A-Za-z]{32,}$/;

/** Uniform base62 by rejection sampling: 248 is the largest multiple of 62 below 256. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function generateApiKeySecret(kind: "tenant" | "platform" = "tenant"): string {
  return (kind === "tenant" ? TENANT_KEY_PREFIX : PLATFORM_KEY_PREFIX) + randomBase62(SECRET_LENGTH);
}

export function isApiKeyFormat(value: string): boolean {
  return keyPattern.test(value);
}

/** Only this hash is stored; it is also how a presented key is looked up. */
export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}
