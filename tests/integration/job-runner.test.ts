import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPglite } from "@/lib/db/adapters";
import { withPlatform } from "@/lib/db/platform";
import { type JobConnection, pgliteJobDb } from "@/lib/jobs/database";
import { type JobRunner, startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { setupTestDatabase } from "../helpers/setup-test-database";

// The queue runner on the database kind under test: an embedded PGlite of its
// own for pg-boss (as the app's would be), or a throwaway schema on the
// PostgreSQL server when TEST_DATABASE_URL is set. The jobs themselves work
// on the test's database, like every service.

setupTestDatabase();

const serverUrl = process.env.TEST_DATABASE_URL;
const schema = serverUrl ? `pgboss_test_${randomBytes(4).toString("hex")}` : "pgboss";
let pglite: PGlite | undefined;
let runner: JobRunner;

beforeAll(async () => {
  let connection: JobConnection;
  if (serverUrl) connection = { connectionString: serverUrl, max: 2 };
  else {
    pglite = newPglite();
    connection = { db: pgliteJobDb(pglite) };
  }
  runner = await startJobRunner({ connection, schema, pollingIntervalSeconds: 0.5 });
}, 60_000);

afterAll(async () => {
  await stopJobRunner();
  if (serverUrl) {
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  await pglite?.close();
});

async function completion(id: string, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await runner.boss.getJobById("domain-sweep", id, { includeArchive: true });
    if (job && ["completed", "failed", "cancelled"].includes(job.state)) return job.state;
    if (Date.now() > until) throw new Error(`job ${id} is still ${job?.state ?? "missing"}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the job queue runner", () => {
  it("H6: runs the domain sweep as a job: a pending claim past its window expires", async () => {
    const domainId = await withPlatform(async (tx) => {
      const tenant = await tx.tenant.create({ data: { slug: "jobs-sweep", name: "Jobs", plan: "pro" } });
      const domain = await tx.tenantDomain.create({
        data: {
          tenantId: tenant.id,
          hostname: "old-claim.example.com",
          verificationToken: "t",
          expiresAt: new Date(Date.now() - 1),
        },
      });
      return domain.id;
    });
    const id = await runner.send("domain-sweep");
    expect(id).toEqual(expect.any(String));
    expect(await completion(id!)).toBe("completed");
    const domain = await withPlatform((tx) => tx.tenantDomain.findUniqueOrThrow({ where: { id: domainId } }));
    expect(domain.state).toBe("expired");
  });

  it("keeps one sweep schedule, and at most one waiting sweep however often it is queued", async () => {
    expect((await runner.boss.getSchedules()).map((s) => [s.name, s.cron])).toEqual([["domain-sweep", "*/10 * * * *"]]);
    await runner.boss.offWork("domain-sweep");
    const ids = [await runner.send("domain-sweep"), await runner.send("domain-sweep"), await runner.send("domain-sweep")];
    expect(ids.filter(Boolean)).toHaveLength(1);
  });

  it("starts once per process and stops gracefully", async () => {
    expect(await startJobRunner()).toBe(runner);
    const stopped = new Promise<void>((resolve) => runner.boss.once("stopped", () => resolve()));
    await stopJobRunner();
    await stopped;
  });
});
