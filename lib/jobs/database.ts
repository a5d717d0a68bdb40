import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";
// The queue needs the platform connection itself, not a Prisma transaction:
// its URL, or the embedded PGlite. Only this module reaches past lib/db for it.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { databaseUrlFor, rawDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

/** pg-boss's own schema: on PostgreSQL the platform login owns it (lib/db/logins.ts, `npm run db:roles`). */
export const JOB_SCHEMA = "pgboss";

/** Where the queue keeps its tables: pg-boss's own pool on a server, or an adapter over PGlite. */
export type JobConnection = { connectionString: string; max: number } | { db: PgBoss.Db };

/**
 * pg-boss's `db` option over PGlite. pg-boss sends parameterised statements
 * with values and its schema set-up and maintenance as multi-statement text
 * without any; PGlite runs the first through `query` (extended protocol) and
 * only accepts the second through `exec` (simple protocol). Both wait for
 * PGlite's transaction lock, so they never land inside a Prisma transaction
 * of the app's. Never send a job from inside a transaction on PGlite: the
 * send would wait for the transaction that waits for it.
 */
export function pgliteJobDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/**
 * The platform side of the database, where cross-tenant work belongs: the
 * platform login's URL on PostgreSQL (a pool of two, separate from the app's
 * Prisma pools), else the process's one embedded PGlite.
 */
export function jobConnection(): JobConnection {
  const url = databaseUrlFor("platform", getEnv());
  if (url) return { connectionString: url, max: 2 };
  // Opens the process's embedded database if no request has yet. lib/db keeps
  // the one PGlite on globalThis (one instance per process, decision 4) and
  // does not export it; read from there rather than open a second one.
  rawDb("platform");
  const pglite = (globalThis as typeof globalThis & { __liveryPglite?: PGlite }).__liveryPglite;
  if (!pglite) throw new Error("The embedded database is not open; the job queue needs it");
  return { db: pgliteJobDb(pglite) };
}
