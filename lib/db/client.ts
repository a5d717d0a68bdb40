import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { getEnv } from "@/lib/env";
import type { Env } from "@/lib/env/schema";
import { createPgliteAdapter, createPostgresAdapter, openPglite } from "./adapters";
import { PrismaClient } from "./generated/prisma/client";

/**
 * Which database login a client connects as (decision "Three database
 * logins"):
 * - `tenant`   DATABASE_TENANT_URL: may only become `livery_tenant`; used by withTenant.
 * - `platform` DATABASE_PLATFORM_URL: may only become `livery_platform`; used by withPlatform.
 * - `owner`    DATABASE_URL: the migrator that owns the schema; migrations and
 *              scripts. When the two app URLs are unset the app falls back to
 *              it for both, as it did before there were three logins.
 * Without any URL every login is the one embedded PGlite, whose only user is
 * a superuser: row-level security still holds there because every query runs
 * as a NOLOGIN role without BYPASSRLS, but SQL injected into a transaction
 * could RESET ROLE to that superuser. Least privilege needs PostgreSQL.
 */
export type Login = "tenant" | "platform" | "owner";

// Smaller for the platform: its work is cache-fronted lookups and super-admin screens.
const POOL_SIZE: Record<Login, number> = { tenant: 10, platform: 5, owner: 10 };

// One client per URL per process, and one PGlite: PGlite is single-process, so
// the client that opened the data directory must be the only one. They live on
// globalThis, where they survive Next's dev-mode module reloads.
type Slot = {
  __liveryClients?: Map<string, PrismaClient>;
  __liveryPglite?: PGlite;
  __liveryOverride?: Partial<Record<Login, PrismaClient>>;
};
const slot = globalThis as typeof globalThis & Slot;
const EMBEDDED = "embedded";

/** The URL a login connects with, `undefined` for the embedded database. */
export function databaseUrlFor(login: Login, env: Pick<Env, "DATABASE_URL" | "DATABASE_TENANT_URL" | "DATABASE_PLATFORM_URL">) {
  if (login === "tenant") return env.DATABASE_TENANT_URL ?? env.DATABASE_URL;
  if (login === "platform") return env.DATABASE_PLATFORM_URL ?? env.DATABASE_URL;
  return env.DATABASE_URL;
}

function clientFor(login: Login): PrismaClient {
  const override = slot.__liveryOverride?.[login];
  if (override) return override;
  const env = getEnv();
  const url = databaseUrlFor(login, env);
  if (login === "owner" && !url && env.DATABASE_TENANT_URL) {
    // Never fall back to an embedded database when the app's data is on a server.
    throw new Error("DATABASE_URL (the migrator login) is not set; this command needs it");
  }
  const clients = (slot.__liveryClients ??= new Map());
  const key = url ?? EMBEDDED;
  let client = clients.get(key);
  if (!client) {
    if (url) {
      client = new PrismaClient({ adapter: createPostgresAdapter(url, { max: POOL_SIZE[login] }) });
    } else {
      slot.__liveryPglite ??= openPglite(env.DATA_DIR);
      client = new PrismaClient({ adapter: createPgliteAdapter(slot.__liveryPglite) });
    }
    clients.set(key, client);
  }
  return client;
}

/**
 * The raw client of one login, the owner's by default. Only lib/db may use it
 * (a lint rule says so): every query of the app runs inside `withTenant` or
 * `withPlatform`, so that a role without BYPASSRLS is in force. Scripts and
 * benchmarks use the owner's.
 */
export function rawDb(login: Login = "owner"): PrismaClient {
  return clientFor(login);
}

/**
 * Tests and scripts bring their own database (a fresh one per test file): one
 * client for every login, or one per login, or `undefined` to go back to the
 * environment's.
 */
export function setDbClient(client: PrismaClient | Partial<Record<Login, PrismaClient>> | undefined): void {
  if (client === undefined) slot.__liveryOverride = undefined;
  // Not `instanceof`: test runners may load the generated client more than once.
  else if ("$transaction" in client) slot.__liveryOverride = { tenant: client, platform: client, owner: client };
  else slot.__liveryOverride = client;
}

/** Closes every client and, for the embedded database, releases its data directory. */
export async function disconnectDb(): Promise<void> {
  const clients = [...(slot.__liveryClients?.values() ?? [])];
  slot.__liveryClients = undefined;
  await Promise.all(clients.map((client) => client.$disconnect()));
  await slot.__liveryPglite?.close();
  slot.__liveryPglite = undefined;
}
