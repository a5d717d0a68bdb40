import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { setupTestDatabase } from "../helpers/setup-test-database";

// withTenant's tenant binding and role are transaction-local
// (livery_enter_tenant, set_config(..., true)), so a pooled server connection
// carries nothing from one tenant's transaction to the next. Through PgBouncer in transaction mode with a pool of 2 (npm run
// test:isolation), hundreds of interleaved transactions of two tenants share
// two server connections; each must see only its own tenant's rows, and each
// must start with no tenant and no role left over.

const db = setupTestDatabase();
const viaPgBouncer = process.env.TEST_PGBOUNCER === "1";
const ROUNDS = 240;
const tenants: { id: string; marker: string; rows: number }[] = [];

beforeAll(async () => {
  await withPlatform(async (tx) => {
    for (const [slug, rows] of [
      ["pool-left", 3],
      ["pool-right", 5],
    ] as const) {
      const tenant = await tx.tenant.create({ data: { slug, name: slug, plan: "pro" } });
      for (let i = 0; i < rows; i++) {
        await tx.content.create({ data: { tenantId: tenant.id, title: `${slug} item ${i}`, sizeBytes: 1 } });
      }
      tenants.push({ id: tenant.id, marker: slug, rows });
    }
  });
});

type Seen = { tenant: string; pid: number; titles: string[]; setting: string };
type Probe = { pid: number; setting: string | null; role: string };

describe("tenant transactions on pooled connections", () => {
  it(`${ROUNDS} interleaved transactions of two tenants each see only their own rows and leave nothing behind`, async () => {
    const client = db.current.client;
    const seen: Seen[] = [];
    const probes: Probe[] = [];
    const settled = await Promise.allSettled(
      Array.from({ length: ROUNDS }, async (_, i) => {
        if (i % 4 === 3) {
          // A plain transaction, as the next user of a pooled connection: no tenant, no role carried over.
          const [probe] = await client.$transaction(
            (tx) => tx.$queryRaw<Probe[]>`
              SELECT pg_backend_pid() AS pid, livery_current_tenant()::text AS setting, current_user::text AS role`,
            { maxWait: 30_000, timeout: 30_000 },
          );
          probes.push(probe!);
          return;
        }
        const tenant = tenants[i % 2]!;
        seen.push(
          await withTenant(tenant.id, async (tx) => {
            const [before] = await tx.$queryRaw<{ pid: number; setting: string }[]>`
              SELECT pg_backend_pid() AS pid, livery_current_tenant()::text AS setting`;
            // Hold the connection a moment so that the other tenant's transactions interleave with this one.
            await tx.$executeRaw`SELECT pg_sleep(0.002)`;
            const rows = await tx.content.findMany({ select: { title: true } });
            return { tenant: tenant.marker, pid: before!.pid, setting: before!.setting, titles: rows.map((r) => r.title) };
          }),
        );
      }),
    );
    // All settled first: a failure must not leave transactions running into the database's drop.
    for (const result of settled) if (result.status === "rejected") throw result.reason;

    for (const s of seen) {
      const tenant = tenants.find((t) => t.marker === s.tenant)!;
      expect(s.setting).toBe(tenant.id);
      expect(s.titles).toHaveLength(tenant.rows);
      expect(s.titles.every((title) => title.startsWith(`${tenant.marker} `))).toBe(true);
    }
    for (const probe of probes) {
      expect(probe.setting ?? "").toBe("");
      expect(probe.role).not.toMatch(/^livery_/);
    }
    expect(seen).toHaveLength(ROUNDS - ROUNDS / 4);

    // The same server connection served both tenants, one after the other.
    const tenantsByPid = new Map<number, Set<string>>();
    for (const s of seen) tenantsByPid.set(s.pid, (tenantsByPid.get(s.pid) ?? new Set()).add(s.tenant));
    expect([...tenantsByPid.values()].some((served) => served.size === 2)).toBe(true);
    const poolSize = viaPgBouncer ? Number(process.env.PGBOUNCER_POOL_SIZE ?? 2) : db.current.kind === "postgres" ? 4 : 1;
    expect(tenantsByPid.size).toBeLessThanOrEqual(poolSize);
    console.log(
      `pooled transactions: ${seen.length} tenant transactions and ${probes.length} probes on ${tenantsByPid.size} server connection(s)` +
        (viaPgBouncer ? " through PgBouncer" : ` on ${db.current.kind}`),
    );
  });

  it.skipIf(!viaPgBouncer)("runs through PgBouncer in transaction pooling mode", async () => {
    const [{ name }] = await db.current.client.$queryRaw<[{ name: string }]>`SELECT current_database()::text AS name`;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = "/pgbouncer";
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      const pools = (await admin.query("SHOW POOLS")).rows as { database: string; pool_mode: string }[];
      expect(pools.find((pool) => pool.database === name)?.pool_mode).toBe("transaction");
    } finally {
      await admin.end();
    }
  });
});
