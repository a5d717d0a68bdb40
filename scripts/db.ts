// npm run db:migrate | db:seed | db:reset — the same commands for the embedded
// database and for PostgreSQL (DATABASE_URL=postgres://…, the migrator's login
// when the database has Livery's three logins: npm run db:roles).
import fs from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { pgliteDirectory } from "@/lib/db/adapters";
import { disconnectDb, rawDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { seedDemo } from "@/prisma/seed";
import { printDemoBanner } from "./lib/banner";
import { migrate } from "./lib/migrate";

async function seed(): Promise<void> {
  const env = getEnv();
  const result = await seedDemo();
  await disconnectDb();
  console.log(result.created ? "Demo data created." : "Demo data already present; nothing changed.");
  printDemoBanner(result, { rootDomain: env.ROOT_DOMAIN, port: Number(process.env.PORT ?? 3000), embedded: !env.DATABASE_URL });
}

async function confirmReset(): Promise<boolean> {
  if (process.argv.includes("--yes")) return true;
  if (!process.stdin.isTTY) {
    console.error("db:reset deletes every row in the PostgreSQL database. Re-run with `npm run db:reset -- --yes` to confirm.");
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("This deletes every row in the database named by DATABASE_URL. Type 'reset' to continue: ");
  rl.close();
  return answer.trim() === "reset";
}

async function reset(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    if (!(await confirmReset())) process.exit(1);
    // Roles and logins are cluster-wide and stay; the migrations re-grant the roles.
    // livery_private (the tenant-binding secret) and pgboss are other schemas and stay too.
    await rawDb().$executeRawUnsafe("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await disconnectDb();
  } else {
    await fs.rm(pgliteDirectory(env.DATA_DIR), { recursive: true, force: true });
    console.log("Removed the embedded database.");
  }
  await migrate();
  await seed();
}

const commands: Record<string, () => Promise<void>> = {
  migrate,
  seed,
  reset,
};

const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.error("usage: tsx scripts/db.ts migrate|seed|reset");
  process.exit(2);
}
// With only the app's logins set these commands would fall back to the
// embedded database; they work as the migrator (npm run db:roles).
if (!process.env.DATABASE_URL && (process.env.DATABASE_TENANT_URL || process.env.DATABASE_PLATFORM_URL)) {
  console.error("db:migrate, db:seed and db:reset need DATABASE_URL, the migrator's login (see npm run db:roles).");
  process.exit(2);
}
try {
  await command();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
