import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Env, parseEnv } from "./schema";

let cached: Env | undefined;

/**
 * The validated environment, read once per process. Outside production a
 * missing NEXTAUTH_SECRET is generated once and kept in DATA_DIR, so sessions
 * survive restarts of `npm run dev`.
 */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  const secret = parsed.NEXTAUTH_SECRET ?? loadOrCreateDevSecret(parsed.DATA_DIR);
  cached = { ...parsed, NEXTAUTH_SECRET: secret };
  return cached;
}

function loadOrCreateDevSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "nextauth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  // "wx" fails if another process wrote it first; then we read theirs.
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

/** For tests only: forget the cached environment. */
export function resetEnvCache(): void {
  cached = undefined;
}
