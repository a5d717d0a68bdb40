import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createPgliteAdapter, createPostgresAdapter, newPglite } from "@/lib/db/adapters";
import { PrismaClient } from "@/lib/db/generated/prisma/client";
import { ensureDatabaseLogins, type LoginNames } from "@/lib/db/logins";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type TestDatabase = {
  /** A superuser's client (PGlite's only user; the server's admin), for fixtures and catalog checks. */
  client: PrismaClient;
  kind: "pglite" | "postgres";
  /** With `leastPrivilege` on PostgreSQL: clients of the app's two logins, made by db:roles' code. */
  logins?: { tenant: PrismaClient; platform: PrismaClient; names: LoginNames; urls: Record<keyof LoginNames, string> };
  /** Another client on the same database with a single connection (PGlite has only one anyway). */
  singleConnectionClient(): PrismaClient;
  drop(): Promise<void>;
};

/** Every migration's SQL, oldest first. */
export async function migrationScripts(): Promise<string[]> {
  const names = (await fs.readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(names.map((name) => fs.readFile(path.join(migrationsDir, name, "migration.sql"), "utf8")));
}

/**
 * A clean database with every migration applied: in-memory PGlite by default,
 * a new database on the server named by TEST_DATABASE_URL when it is set.
 * `leastPrivilege` (PostgreSQL only) creates the three logins as `npm run
 * db:roles` does, under names unique to this database, migrates as the
 * migrator, and opens clients for the tenant and platform logins.
 */
export async function createTestDatabase(options: { leastPrivilege?: boolean } = {}): Promise<TestDatabase> {
  const scripts = await migrationScripts();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = newPglite();
    for (const script of scripts) await pglite.exec(script);
    const client = new PrismaClient({ adapter: createPgliteAdapter(pglite) });
    return {
      client,
      kind: "pglite",
      singleConnectionClient: () => client,
      drop: async () => {
        await client.$disconnect();
        await pglite.close();
      },
    };
  }

  const name = `livery_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const logins = options.leastPrivilege ? await createLogins(url, name) : undefined;
  const migrator = new pg.Client({ connectionString: logins?.urls.migrator ?? url.toString() });
  await migrator.connect();
  for (const script of scripts) await migrator.query(script);
  await migrator.end();
  const client = new PrismaClient({ adapter: createPostgresAdapter(url.toString(), { max: 4 }) });
  const extraClients: PrismaClient[] = [];
  if (logins) extraClients.push(logins.tenant, logins.platform);
  return {
    client,
    kind: "postgres",
    logins,
    singleConnectionClient: () => {
      const single = new PrismaClient({ adapter: createPostgresAdapter(url.toString(), { max: 1 }) });
      extraClients.push(single);
      return single;
    },
    drop: async () => {
      await Promise.all(extraClients.map((c) => c.$disconnect()));
      await client.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      // Roles are cluster-wide; these own nothing outside the dropped database.
      for (const login of Object.values(logins?.names ?? {})) await admin.query(`DROP ROLE IF EXISTS "${login}"`);
      await admin.end();
    },
  };
}

async function createLogins(databaseUrl: URL, database: string): Promise<NonNullable<TestDatabase["logins"]>> {
  const suffix = database.slice(-12);
  const names: LoginNames = { migrator: `lt_${suffix}_mig`, tenant: `lt_${suffix}_ten`, platform: `lt_${suffix}_plat` };
  const admin = new pg.Client({ connectionString: databaseUrl.toString() });
  await admin.connect();
  try {
    await ensureDatabaseLogins(admin, { names });
  } finally {
    await admin.end();
  }
  // The local test server trusts loopback connections, so no password is needed.
  const urlAs = (login: string) => Object.assign(new URL(databaseUrl), { username: login, password: "" }).toString();
  const urls = { migrator: urlAs(names.migrator), tenant: urlAs(names.tenant), platform: urlAs(names.platform) };
  return {
    names,
    urls,
    tenant: new PrismaClient({ adapter: createPostgresAdapter(urls.tenant, { max: 2 }) }),
    platform: new PrismaClient({ adapter: createPostgresAdapter(urls.platform, { max: 2 }) }),
  };
}
