import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { flushUsage, utcDay } from "@/lib/usage/meter";
import { startDnsServer } from "../helpers/dns-server";
import { setupTestDatabase } from "../helpers/setup-test-database";
import { minimalBody, OVERRIDDEN_ROUTES } from "./bodies";
import { casesFor, describeCase, runCase } from "./matrix";
import { expectationFor } from "./oracle";
import { installPipeline } from "./pipeline";
import { loadRoute, MUTATING, ROUTE_ROWS } from "./routes";
import { tenantRows } from "./snapshot";
import { seedWorld, type World } from "./world";

// Every route × credential × tenant hint × path filling, generated from the
// route registry, through the real middleware. See docs/reliability.md.

const db = setupTestDatabase();
const since = utcDay();
let world: World;
let otherBefore: Record<string, unknown[]>;
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let uninstall: () => void;
const counts = { run: 0, skipped: 0, succeeded: 0, actedOnOther: 0 };

beforeAll(async () => {
  uninstall = installPipeline();
  // Domain verification asks DNS; a local server that knows no record answers at once.
  dns = await startDnsServer(new Map());
  process.env.DNS_RESOLVER = dns.address;
  world = await seedWorld();
  otherBefore = await tenantRows(db.current.client, world.other.id, since);
});

afterAll(async () => {
  uninstall?.();
  delete process.env.DNS_RESOLVER;
  await dns?.close();
  const where = process.env.TEST_PGBOUNCER
    ? "PostgreSQL through PgBouncer"
    : db.current?.kind === "postgres"
      ? "PostgreSQL"
      : "PGlite";
  console.log(
    `isolation matrix on ${where}: ${counts.run} cases run (${counts.succeeded} succeeded, the rest refused as expected), ` +
      `${counts.skipped} skipped as legitimate changes to the other tenant by its own credential or the platform`,
  );
});

describe("isolation matrix", () => {
  it("has a valid minimal body for every route that takes one, hand-written for few", () => {
    for (const [name, spec] of ROUTE_ROWS) {
      if (spec.body) expect(spec.body.safeParse(minimalBody(spec)).success, name).toBe(true);
    }
    expect(OVERRIDDEN_ROUTES.length).toBeLessThanOrEqual(3);
  });

  it.each(ROUTE_ROWS)("%s", async (_, spec) => {
    const route = await loadRoute(spec);
    const failures: string[] = [];
    let succeeded = 0;
    for (const c of casesFor(spec)) {
      const expected = expectationFor(c);
      // The other tenant changing its own rows (or the platform changing them) is no breach, and would move the snapshot.
      if (expected.status === "2xx" && expected.acting === "other" && MUTATING.has(spec.method)) {
        counts.skipped++;
        continue;
      }
      resetRateLimits(); // thousands of requests a minute are the point here, not the limiter's
      const problems = await runCase(world, route, c, expected);
      counts.run++;
      if (expected.status === "2xx" && problems.length === 0) succeeded++;
      if (expected.status === "2xx" && expected.acting === "other") counts.actedOnOther++;
      if (problems.length > 0) failures.push(`${describeCase(c)}: ${problems.join("; ")}`);
    }
    counts.succeeded += succeeded;
    expect(failures.slice(0, 25), `${failures.length} failing cases`).toEqual([]);
    // A route whose every case is refused would prove nothing about what it lets through.
    expect(succeeded).toBeGreaterThan(0);
  });

  it("left every row of the other tenant as it was", async () => {
    const after = await tenantRows(db.current.client, world.other.id, since);
    expect(Object.keys(after).length).toBeGreaterThanOrEqual(9);
    expect(after).toEqual(otherBefore);
  });

  it("metered to the other tenant exactly its own successful requests, nothing of the own tenant's", async () => {
    await flushUsage();
    const [metered] = await db.current.client.$queryRawUnsafe<[{ calls: number }]>(
      `SELECT coalesce(sum("apiCalls"), 0)::int AS calls FROM "TenantUsageMetric" WHERE "tenantId" = $1::uuid AND "day" >= $2::date`,
      world.other.id,
      since,
    );
    expect(counts.actedOnOther).toBeGreaterThan(0);
    expect(metered.calls).toBe(counts.actedOnOther);
  });
});
