import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { disconnectDb } from "@/lib/db/client";
import { getMigrationStatus } from "@/lib/db/migrations";

const require = createRequire(import.meta.url);

/** Runs the Prisma CLI with this process's environment; throws if it fails. */
export function runPrisma(args: string[]): void {
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Applies pending migrations with `prisma migrate deploy`. When nothing is
 * pending the CLI is skipped: starting its schema engine on PGlite takes
 * seconds, and `npm run dev` checks on every start.
 */
export async function migrateIfNeeded(): Promise<"up-to-date" | "migrated"> {
  const status = await getMigrationStatus();
  // The CLI opens the database itself; the embedded one allows one owner at a time.
  await disconnectDb();
  if (status.pending.length === 0) return "up-to-date";
  console.log(`Applying ${status.pending.length} migration(s)…`);
  runPrisma(["migrate", "deploy"]);
  return "migrated";
}
