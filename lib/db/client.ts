import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { getEnv } from "@/lib/env";
import { createPgliteAdapter, createPostgresAdapter, openPglite } from "./adapters";
import { PrismaClient } from "./generated/prisma/client";

// One client per process. PGlite is single-process: the client that opened
// the data directory must be the only one, so the instance lives on globalThis
// where it survives Next's dev-mode module reloads.
const slot = globalThis as typeof globalThis & { __liveryDb?: PrismaClient; __liveryPglite?: PGlite };

function createClient(): PrismaClient {
  const env = getEnv();
  if (env.DATABASE_URL) return new PrismaClient({ adapter: createPostgresAdapter(env.DATABASE_URL) });
  slot.__liveryPglite = openPglite(env.DATA_DIR);
  return new PrismaClient({ adapter: createPgliteAdapter(slot.__liveryPglite) });
}

/**
 * The raw client. Only lib/db/tenant.ts and lib/db/platform.ts may use it:
 * every query must run inside `withTenant` or `withPlatform` so that a role
 * without BYPASSRLS is in force.
 */
export function rawDb(): PrismaClient {
  slot.__liveryDb ??= createClient();
  return slot.__liveryDb;
}

/** Tests and scripts bring their own client (a fresh database per test file). */
export function setDbClient(client: PrismaClient | undefined): void {
  slot.__liveryDb = client;
}

/** Closes the client and, for the embedded database, releases its data directory. */
export async function disconnectDb(): Promise<void> {
  await slot.__liveryDb?.$disconnect();
  await slot.__liveryPglite?.close();
  slot.__liveryDb = undefined;
  slot.__liveryPglite = undefined;
}
