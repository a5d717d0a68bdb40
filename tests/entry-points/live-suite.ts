import { afterAll, beforeAll } from "vitest";
import { utcDay } from "@/lib/usage/meter";
import { startDnsServer } from "../helpers/dns-server";
import { tenantRows } from "../isolation/snapshot";
import { type AuditReport, auditReport } from "./action-audit";
import type { Case } from "./action-cases";
import { ActionRunner, demandOf } from "./action-runner";
import { type ActionWorld, seedActionWorld } from "./action-world";
import { createLiveDatabase, type LiveDatabase } from "./live-database";
import { freePort, type LiveServer, startServer } from "./live-server";

// One test file's database, world and `next start`, shared by the Server
// Action matrix and the fuzz suite: the database is made and seeded with the
// rows its cases will consume, then the build is started on it with a DNS
// server that knows the pending domains' records.

export type LiveSuite = {
  world(): ActionWorld;
  runner(): ActionRunner;
  label(): string;
  /** What the running server printed (its last 200 KB). */
  log(): string;
  /** The other tenant's rows; on PGlite the server is stopped for the read and started again. */
  otherTenantRows(): Promise<Record<string, unknown[]>>;
  /** Stops the server and reads the audit log of the run. */
  finish(): Promise<AuditReport>;
  /** When the first call was made (epoch ms). */
  started(): number;
};

export function liveSuite(cases: () => Case[]): LiveSuite {
  const since = utcDay();
  let db: LiveDatabase;
  let world: ActionWorld;
  let server: LiveServer | undefined;
  let runner: ActionRunner;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let env: Record<string, string>;
  let started = 0;

  beforeAll(async () => {
    db = await createLiveDatabase();
    world = await db.withClient(() => seedActionWorld(demandOf(cases())));
    dns = await startDnsServer(new Map(world.dns));
    env = { ...db.serverEnv, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!, DNS_RESOLVER: dns.address };
    server = await startServer(await freePort(), env);
    runner = new ActionRunner(world, server.port);
    started = Date.now();
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await dns?.close();
    await db?.drop();
  });

  return {
    world: () => world,
    runner: () => runner,
    label: () => db.label,
    log: () => server?.log() ?? "",
    started: () => started,
    async otherTenantRows() {
      const restart = db.kind === "pglite" ? server : undefined;
      await restart?.stop();
      const rows = await db.withClient((client) => tenantRows(client, world.other.id, since));
      if (restart) server = await startServer(restart.port, env);
      return rows;
    },
    async finish() {
      await server?.stop();
      server = undefined;
      return db.withClient((client) => auditReport(client, started, runner.windows, world));
    },
  };
}
