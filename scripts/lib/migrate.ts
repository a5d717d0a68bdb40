import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { openPglite } from "@/lib/db/adapters";
import { disconnectDb } from "@/lib/db/client";
import { migrateEmbedded } from "@/lib/db/embedded-migrations";
import { getMigrationStatus } from "@/lib/db/migrations";
import { getEnv } from "@/lib/env";

const require = createRequire(import.meta.url);

/** Runs the Prisma CLI with this process's environment; throws if it fails. */
export function runPrisma(args: string[]): void {
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Applies pending migrations: `prisma migrate deploy` on PostgreSQL, our own
 * runner on the embedded database (see lib/db/embedded-migrations.ts).
 */
export async function migrate(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    runPrisma(["migrate", "deploy"]);
    return;
  }
  await disconnectDb(); // one owner of the data directory at a time
  const pglite = openPglite(env.DATA_DIR);
  try {
    const applied = await migrateEmbedded(pglite);
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The embedded database is up to date.",
    );
  } finally {
    await pglite.close();
  }
}

/** What `npm run dev` runs on every start: nothing when nothing is pending. */
export async function migrateIfNeeded(): Promise<"up-to-date" | "migrated"> {
  const status = await getMigrationStatus();
  await disconnectDb();
  if (status.pending.length === 0) return "up-to-date";
  await migrate();
  return "migrated";
}
