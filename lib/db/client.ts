import "server-only";
import { getEnv } from "@/lib/env";
import { createPgliteAdapter, createPostgresAdapter, openPglite } from "./adapters";
import { PrismaClient } from "./generated/prisma/client";

// One client per process. PGlite is single-process: the client that opened
// the data directory must be the only one, so the instance lives on globalThis
// where it survives Next's dev-mode module reloads.
const slot = globalThis as typeof globalThis & { __liveryDb?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = env.DATABASE_URL ? createPostgresAdapter(env.DATABASE_URL) : createPgliteAdapter(openPglite(env.DATA_DIR));
  return new PrismaClient({ adapter });
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

export async function disconnectDb(): Promise<void> {
  await slot.__liveryDb?.$disconnect();
  slot.__liveryDb = undefined;
}
