import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db/client";
import { withPlatform } from "@/lib/db/platform";
import { PLATFORM_ROLE, TENANT_ROLE, withTenant } from "@/lib/db/tenant";
import { createTenantWithRows } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/setup-test-database";

const db = setupTestDatabase();

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Every table in `public` with a tenantId column, straight from the catalog. */
async function tenantOwnedTables(): Promise<string[]> {
  const rows = await db.current.client.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  return rows.map((r) => r.table_name);
}

/** Tenant-owned tables on which the tenant role holds no privilege at all: the platform's alone. */
async function platformOnlyTables(): Promise<string[]> {
  const rows = await db.current.client.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM unnest(${await tenantOwnedTables()}::text[]) AS table_name
    WHERE NOT has_table_privilege(${TENANT_ROLE}, format('public.%I', table_name), 'SELECT, INSERT, UPDATE, DELETE')
    ORDER BY table_name`;
  return rows.map((r) => r.table_name);
}

let allTables: string[] = [];
/** The tenant-owned tables the tenant role works with; the per-table tests below run on each. */
let tables: string[] = [];
let platformOnly: string[] = [];
let tenantA = "";
let tenantB = "";

beforeAll(async () => {
  allTables = await tenantOwnedTables();
  platformOnly = await platformOnlyTables();
  tables = allTables.filter((t) => !platformOnly.includes(t));
  await withPlatform(async (tx) => {
    tenantA = (await createTenantWithRows(tx, "alpha")).tenant.id;
    tenantB = (await createTenantWithRows(tx, "bravo")).tenant.id;
  });
});

describe("catalog", () => {
  it("finds the tenant-owned tables the data model defines", () => {
    // A floor, not the full list: a new tenant-owned table is picked up by the
    // per-table tests below without touching this file.
    expect(tables).toEqual(
      expect.arrayContaining([
        "AuditLog",
        "Content",
        "TenantApiKey",
        "TenantConfig",
        "TenantDomain",
        "TenantUsageMetric",
        "User",
      ]),
    );
  });

  it("has row-level security enabled and forced on every tenant-owned table, with a tenant policy", async () => {
    const rows = await db.current.client.$queryRaw<
      { relname: string; enabled: boolean; forced: boolean; tenant_policies: number }[]
    >`
      SELECT c.relname, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
        (SELECT count(*)::int FROM pg_policies p
          WHERE p.schemaname = 'public' AND p.tablename = c.relname AND ${TENANT_ROLE} = ANY (p.roles)) AS tenant_policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY (${allTables})`;
    expect(rows).toHaveLength(allTables.length);
    for (const row of rows) expect(row, row.relname).toMatchObject({ enabled: true, forced: true, tenant_policies: 1 });
  });

  it("gives neither application role BYPASSRLS or superuser", async () => {
    const rows = await db.current.client.$queryRaw<
      { rolname: string; rolbypassrls: boolean; rolsuper: boolean; rolcanlogin: boolean }[]
    >`
      SELECT rolname, rolbypassrls, rolsuper, rolcanlogin FROM pg_roles WHERE rolname IN (${TENANT_ROLE}, ${PLATFORM_ROLE}) ORDER BY rolname`;
    expect(rows).toEqual([
      { rolname: PLATFORM_ROLE, rolbypassrls: false, rolsuper: false, rolcanlogin: false },
      { rolname: TENANT_ROLE, rolbypassrls: false, rolsuper: false, rolcanlogin: false },
    ]);
  });
});

describe("in tenant A's context, for every tenant-owned table", () => {
  it("sees only A's rows, and A has some", async () => {
    for (const table of tables) {
      const rows = await withTenant(tenantA, (tx) =>
        tx.$queryRawUnsafe<{ tenantId: string }[]>(`SELECT "tenantId"::text FROM ${quote(table)}`),
      );
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.tenantId)), table).toEqual(new Set([tenantA]));
    }
  });

  it("cannot select, update or delete B's rows", async () => {
    for (const table of tables) {
      const [selected, updated, deleted] = await withTenant(tenantA, async (tx) => [
        await tx.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${quote(table)} WHERE "tenantId" = $1::uuid`,
          tenantB,
        ),
        await tx.$executeRawUnsafe(`UPDATE ${quote(table)} SET "tenantId" = "tenantId" WHERE "tenantId" = $1::uuid`, tenantB),
        await tx.$executeRawUnsafe(`DELETE FROM ${quote(table)} WHERE "tenantId" = $1::uuid`, tenantB),
      ]);
      expect({ table, selected: selected[0]?.n, updated, deleted }).toEqual({ table, selected: 0, updated: 0, deleted: 0 });
      const stillThere = await withTenant(tenantB, (tx) =>
        tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${quote(table)}`),
      );
      expect(stillThere[0]?.n, table).toBeGreaterThan(0);
    }
  });

  it("cannot insert a row carrying B's tenantId", async () => {
    for (const table of tables) {
      // Copy one of A's own rows, give it a new id and B's tenantId.
      const attempt = withTenant(tenantA, async (tx) => {
        const [row] = await tx.$queryRawUnsafe<{ r: Record<string, unknown> }[]>(
          `SELECT to_jsonb(t) AS r FROM ${quote(table)} t LIMIT 1`,
        );
        const copy = { ...row!.r, tenantId: tenantB, ...("id" in row!.r ? { id: randomUUID() } : {}) };
        await tx.$executeRawUnsafe(
          `INSERT INTO ${quote(table)} SELECT * FROM jsonb_populate_record(NULL::${quote(table)}, $1::jsonb)`,
          JSON.stringify(copy),
        );
      });
      await expect(attempt, table).rejects.toThrow(/row-level security/);
    }
  });

  it("cannot move one of its own rows to B", async () => {
    for (const table of tables) {
      const attempt = withTenant(tenantA, (tx) =>
        tx.$executeRawUnsafe(`UPDATE ${quote(table)} SET "tenantId" = $1::uuid`, tenantB),
      );
      await expect(attempt, table).rejects.toThrow(/row-level security/);
    }
  });
});

describe("the tenant role", () => {
  it("sees nothing in any tenant-owned table when no tenant is set", async () => {
    for (const table of tables) {
      const rows = await db.current.client.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('role', ${TENANT_ROLE}, true)`;
        return tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${quote(table)}`);
      });
      expect(rows[0]?.n, table).toBe(0);
    }
  });

  it("sees only its own Tenant row and cannot change its plan or status", async () => {
    const visible = await withTenant(tenantA, (tx) => tx.tenant.findMany({ select: { id: true } }));
    expect(visible).toEqual([{ id: tenantA }]);
    await expect(
      withTenant(tenantA, (tx) => tx.tenant.update({ where: { id: tenantA }, data: { plan: "enterprise" } })),
    ).rejects.toThrow();
    await expect(
      withTenant(tenantA, (tx) => tx.tenant.update({ where: { id: tenantA }, data: { name: "Renamed" } })),
    ).resolves.toMatchObject({ name: "Renamed" });
  });

  it("has no access to platform API keys", async () => {
    await expect(withTenant(tenantA, (tx) => tx.platformApiKey.findMany())).rejects.toThrow(/permission denied/);
  });

  it("H3: cannot create acting tickets, not even for its own tenant (tickets are the platform's alone)", async () => {
    const superAdmin = await withPlatform((tx) =>
      tx.user.findFirstOrThrow({ where: { tenantId: null, role: "SUPER_ADMIN" }, select: { id: true } }),
    );
    const attempt = withTenant(tenantA, (tx) =>
      tx.actingTicket.create({
        data: { tenantId: tenantA, userId: superAdmin.id, tokenHash: "f".repeat(64), expiresAt: new Date(Date.now() + 60_000) },
      }),
    );
    await expect(attempt).rejects.toThrow(/permission denied/);
    await expect(withPlatform((tx) => tx.actingTicket.count({ where: { tokenHash: "f".repeat(64) } }))).resolves.toBe(0);
  });

  it("holds no privilege at all on the platform-only tenant-owned tables (acting tickets)", async () => {
    expect(platformOnly).toEqual(["ActingTicket"]);
    for (const table of platformOnly) {
      for (const statement of [
        `SELECT 1 FROM ${quote(table)}`,
        `UPDATE ${quote(table)} SET "tenantId" = "tenantId"`,
        `DELETE FROM ${quote(table)}`,
      ]) {
        await expect(
          withTenant(tenantA, (tx) => tx.$executeRawUnsafe(statement)),
          statement,
        ).rejects.toThrow(/permission denied/);
      }
    }
  });
});

describe("transaction-local settings", () => {
  it("do not outlive the transaction on the connection", async () => {
    // With a single pooled connection, the statement after a tenant
    // transaction is sure to reuse that transaction's connection.
    const single = db.current.singleConnectionClient();
    setDbClient(single);
    try {
      await withTenant(tenantA, (tx) => tx.content.count());
      const rows = await single.$queryRaw<{ role: string; tenant: string | null }[]>`
        SELECT current_setting('role') AS role, NULLIF(current_setting('app.tenant_id', true), '') AS tenant`;
      expect(rows[0]).toEqual({ role: "none", tenant: null });
    } finally {
      setDbClient(db.current.client);
    }
  });

  it("rejects a tenant id that is not a UUID before touching the database", async () => {
    await expect(withTenant("alpha' OR true --", async () => 1)).rejects.toThrow(/UUID/);
  });

  it("lets the platform role see every tenant's rows", async () => {
    const tenantIds = await withPlatform(async (tx) =>
      (await tx.content.findMany({ select: { tenantId: true } })).map((c) => c.tenantId),
    );
    expect(new Set(tenantIds)).toEqual(new Set([tenantA, tenantB]));
  });
});
