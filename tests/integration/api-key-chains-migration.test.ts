import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { newPglite } from "@/lib/db/adapters";
import { ensureDatabaseLogins } from "@/lib/db/logins";

// H7's migration on a database that already holds rotations made before it:
// each key joins the chain of the first key of its history, and where the
// newest key was revoked while an older secret kept working (the hole), that
// secret stops too. The superuser inserts the old rows (RLS does not hide
// them from it); the migration itself reads them as the platform role. On
// PostgreSQL (TEST_DATABASE_URL) the migrations run as a migrator login made
// by db:roles' code, which owns the table and so is held by its FORCEd RLS.

type Db = { migrate(sql: string): Promise<void>; sql<R>(text: string): Promise<R[]>; close(): Promise<void> };

async function openDb(): Promise<Db> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const db = newPglite();
    return {
      migrate: async (sql) => void (await db.exec(sql)),
      sql: async <R>(text: string) => (await db.query<R>(text)).rows,
      close: () => db.close(),
    };
  }
  const name = `livery_chain_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const root = new pg.Client({ connectionString: server });
  await root.connect();
  await root.query(`CREATE DATABASE "${name}"`);
  const url = Object.assign(new URL(server), { pathname: `/${name}` });
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const names = { migrator: `${name}_m`, tenant: `${name}_t`, platform: `${name}_p` };
  await ensureDatabaseLogins(admin, { names });
  const migrator = new pg.Client({ connectionString: Object.assign(new URL(url), { username: names.migrator }).toString() });
  await migrator.connect();
  return {
    migrate: async (sql) => void (await migrator.query(sql)),
    sql: async <R>(text: string) => (await admin.query(text)).rows as R[],
    close: async () => {
      await migrator.end();
      await admin.end();
      await root.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      for (const login of Object.values(names)) await root.query(`DROP ROLE IF EXISTS "${login}"`);
      await root.end();
    },
  };
}

const dir = path.resolve(import.meta.dirname, "../../prisma/migrations");
const MIGRATION = "20261201130000_api_key_chains";

async function scripts(which: "before" | "this") {
  const names = (await fs.readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const chosen = which === "this" ? [MIGRATION] : names.filter((name) => name < MIGRATION);
  return Promise.all(chosen.map((name) => fs.readFile(path.join(dir, name, "migration.sql"), "utf8")));
}

describe("H7: the rotation chain migration", () => {
  it("H7: puts earlier rotations into one chain and stops the old secrets of a chain whose newest key was revoked", async () => {
    const db = await openDb();
    try {
      for (const script of await scripts("before")) await db.migrate(script);
      const tenant = "00000000-0000-4000-8000-0000000000a1";
      const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
      const hour = "interval '1 hour'";
      await db.sql(`INSERT INTO "Tenant" ("id", "slug", "name", "updatedAt") VALUES ('${tenant}', 'legacy', 'Legacy', now())`);
      // Chain 1: 1 → 2 → 3, the middle one still in its grace period. Chain 2: 4 → 5, 5 revoked, 4 still working.
      // Key 6: never rotated.
      const rows: [number, number | null, string, string][] = [
        [1, 2, `now() - ${hour}`, "NULL"],
        [2, 3, `now() + ${hour}`, "NULL"],
        [3, null, "NULL", "NULL"],
        [4, 5, `now() + ${hour}`, "NULL"],
        [5, null, "NULL", `now() - ${hour}`],
        [6, null, "NULL", "NULL"],
      ];
      for (const [n, next, expires, revoked] of rows) {
        await db.sql(
          `INSERT INTO "TenantApiKey" ("id", "tenantId", "name", "prefix", "hash", "permissions", "replacedById", "expiresAt", "revokedAt")
           VALUES ('${id(n)}', '${tenant}', 'k${n}', 'lv_${n}', '${String(n).repeat(64)}', '{}', ${next ? `'${id(next)}'` : "NULL"}, ${expires}, ${revoked})`,
        );
      }
      for (const script of await scripts("this")) await db.migrate(script);

      const after = await db.sql<{ id: string; chainId: string; stopped: boolean }>(
        `SELECT "id", "chainId", ("revokedAt" IS NOT NULL AND "revokedAt" <= now()) AS stopped FROM "TenantApiKey" ORDER BY "id"`,
      );
      const chain = (n: number) => after[n - 1]!.chainId;
      expect(new Set([chain(1), chain(2), chain(3)]).size).toBe(1);
      expect(chain(4)).toBe(chain(5));
      expect(new Set([chain(1), chain(4), chain(6)]).size).toBe(3);
      expect(after.map((row) => row.stopped)).toEqual([false, false, false, true, true, false]);
      // New keys start their own chain.
      await db.sql(
        `INSERT INTO "TenantApiKey" ("id", "tenantId", "name", "prefix", "hash", "permissions") VALUES ('${id(7)}', '${tenant}', 'k7', 'lv_7', '${"7".repeat(64)}', '{}')`,
      );
      const [fresh] = await db.sql<{ chainId: string }>(`SELECT "chainId" FROM "TenantApiKey" WHERE "id" = '${id(7)}'`);
      expect(after.map((row) => row.chainId)).not.toContain(fresh!.chainId);
    } finally {
      await db.close();
    }
  }, 120_000); // every migration from scratch on PGlite
});
