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
  /** The other tenant's rows as seeded, before the server started. */
  otherRowsAtSeed(): Record<string, unknown[]>;
  /** Stops the server; reads the audit log of the run and the other tenant's rows. */
  finish(): Promise<AuditReport & { otherRows: Record<string, unknown[]> }>;
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
  let otherAtSeed: Record<string, unknown[]>;

  beforeAll(async () => {
    const t0 = Date.now();
    db = await createLiveDatabase();
    const t1 = Date.now();
    await db.withClient(async (client) => {
      world = await seedActionWorld(demandOf(cases()));
      otherAtSeed = await tenantRows(client, world.other.id, since);
    });
    const t2 = Date.now();
    dns = await startDnsServer(new Map(world.dns));
    env = { ...db.serverEnv, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!, DNS_RESOLVER: dns.address };
    server = await startServer(await freePort(), env);
    runner = new ActionRunner(world, server.port);
    started = Date.now();
    console.log(`${db.label}: database ${t1 - t0} ms, seeded in ${t2 - t1} ms, next start answered in ${started - t2} ms`);
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
    otherRowsAtSeed: () => otherAtSeed,
    async finish() {
      await server?.stop();
      server = undefined;
      // One read for both (on PGlite each read opens the database anew).
      return db.withClient(async (client) => ({
        ...(await auditReport(client, started, runner.windows, world)),
        otherRows: await tenantRows(client, world.other.id, since),
      }));
    },
  };
}
