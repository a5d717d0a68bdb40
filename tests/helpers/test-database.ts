import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createPgliteAdapter, createPostgresAdapter, newPglite } from "@/lib/db/adapters";
import { PrismaClient } from "@/lib/db/generated/prisma/client";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type TestDatabase = {
  client: PrismaClient;
  kind: "pglite" | "postgres";
  /** Another client on the same database with a single connection (PGlite has only one anyway). */
  singleConnectionClient(): PrismaClient;
  drop(): Promise<void>;
};

async function migrationScripts(): Promise<string[]> {
  const names = (await fs.readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(names.map((name) => fs.readFile(path.join(migrationsDir, name, "migration.sql"), "utf8")));
}

/**
 * A clean database with every migration applied: in-memory PGlite by default,
 * a new database on the server named by TEST_DATABASE_URL when it is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
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
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  for (const script of scripts) await migrator.query(script);
  await migrator.end();
  const client = new PrismaClient({ adapter: createPostgresAdapter(url.toString(), { max: 4 }) });
  const extraClients: PrismaClient[] = [];
  return {
    client,
    kind: "postgres",
    singleConnectionClient: () => {
      const single = new PrismaClient({ adapter: createPostgresAdapter(url.toString(), { max: 1 }) });
      extraClients.push(single);
      return single;
    },
    drop: async () => {
      await Promise.all(extraClients.map((c) => c.$disconnect()));
      await client.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
