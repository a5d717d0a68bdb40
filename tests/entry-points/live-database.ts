import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPgliteAdapter, openPglite } from "@/lib/db/adapters";
import { setDbClient } from "@/lib/db/client";
import { migrateEmbedded } from "@/lib/db/embedded-migrations";
import { PrismaClient } from "@/lib/db/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { ROOT } from "./scan";

// The database a `next start` of the suite serves from, chosen as the REST
// matrix chooses it: embedded PGlite in a scratch DATA_DIR by default, a fresh
// database on TEST_DATABASE_URL otherwise (TEST_PGBOUNCER=1 when that URL is
// scripts/pgbouncer.ts's). The suite seeds it and reads it back through
// `withClient`; on PGlite only while the server is stopped, since PGlite is
// single-process and the server owns the data directory while it runs.

export type DatabaseKind = "pglite" | "postgres" | "pgbouncer";

export type LiveDatabase = {
  kind: DatabaseKind;
  label: string;
  /** What the server needs to reach it. */
  serverEnv: Record<string, string>;
  /** Runs `fn` with a superuser client that the app's data layer also uses meanwhile (setDbClient). */
  withClient<T>(fn: (client: PrismaClient) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
};

export const LABELS: Record<DatabaseKind, string> = {
  pglite: "PGlite",
  postgres: "PostgreSQL",
  pgbouncer: "PostgreSQL through PgBouncer",
};

export function databaseKind(): DatabaseKind {
  if (!process.env.TEST_DATABASE_URL) return "pglite";
  return process.env.TEST_PGBOUNCER ? "pgbouncer" : "postgres";
}

async function pgliteDatabase(): Promise<LiveDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "livery-actions-"));
  let migrated = false;
  return {
    kind: "pglite",
    label: LABELS.pglite,
    serverEnv: { DATA_DIR: dataDir },
    async withClient(fn) {
      const pglite = openPglite(dataDir);
      if (!migrated) await migrateEmbedded(pglite, path.join(ROOT, "prisma/migrations"));
      migrated = true;
      const client = new PrismaClient({ adapter: createPgliteAdapter(pglite) });
      setDbClient(client);
      try {
        return await fn(client);
      } finally {
        setDbClient(undefined);
        await client.$disconnect();
        // PGlite makes its last writes durable only when closed (lib/db/embedded-migrations.ts).
        await pglite.close();
      }
    },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function serverDatabase(kind: "postgres" | "pgbouncer"): Promise<LiveDatabase> {
  // Directly on PostgreSQL the app gets its two least-privilege logins, as in
  // production (`npm run db:roles`); PgBouncer knows only the superuser it was
  // configured with, so through it the app uses that one.
  const db: TestDatabase = await createTestDatabase({ leastPrivilege: kind === "postgres" });
  const [{ name }] = await db.client.$queryRawUnsafe<[{ name: string }]>(`SELECT current_database() AS name`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const serverEnv: Record<string, string> = db.logins
    ? { DATABASE_TENANT_URL: db.logins.urls.tenant, DATABASE_PLATFORM_URL: db.logins.urls.platform }
    : { DATABASE_URL: url.toString() };
  return {
    kind,
    label: LABELS[kind],
    serverEnv,
    async withClient(fn) {
      setDbClient(db.client);
      try {
        return await fn(db.client);
      } finally {
        setDbClient(undefined);
      }
    },
    drop: () => db.drop(),
  };
}

export function createLiveDatabase(): Promise<LiveDatabase> {
  const kind = databaseKind();
  return kind === "pglite" ? pgliteDatabase() : serverDatabase(kind);
}
