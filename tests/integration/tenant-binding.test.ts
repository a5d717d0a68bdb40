import { beforeAll, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db/client";
import { withPlatform } from "@/lib/db/platform";
import { TENANT_ROLE, type Tx, withTenant } from "@/lib/db/tenant";
import { createTenantWithRows } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/setup-test-database";

// The tenant is bound to the transaction by livery_enter_tenant(), not by a
// setting any role may change (decision "The tenant is bound to the
// transaction"). Every test plays SQL injected into a tenant transaction:
// whatever it runs, it must read nothing of another tenant.

const db = setupTestDatabase();
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

let tables: string[] = [];
let tenantA = "";
let tenantB = "";

beforeAll(async () => {
  // Tenant-owned tables the tenant role may read (acting tickets are the platform's alone).
  const rows = await db.current.client.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE'
      AND has_table_privilege(${TENANT_ROLE}, format('%I.%I', c.table_schema, c.table_name), 'SELECT')
    ORDER BY c.table_name`;
  tables = rows.map((r) => r.table_name);
  await withPlatform(async (tx) => {
    tenantA = (await createTenantWithRows(tx, "binding-a")).tenant.id;
    tenantB = (await createTenantWithRows(tx, "binding-b")).tenant.id;
  });
});

/** Rows of `tenant` visible in this transaction, per table (Tenant by its id), only the non-zero ones. */
async function visibleRowsOf(tx: Tx, tenant: string): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (const table of [...tables, "Tenant"]) {
    const column = table === "Tenant" ? "id" : "tenantId";
    const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${quote(table)} WHERE ${quote(column)} = $1::uuid`,
      tenant,
    );
    if (row!.n > 0) seen[table] = row!.n;
  }
  return seen;
}

describe("inside tenant A's transaction, injected SQL", () => {
  it("sees A's rows in every table it may read (the control for the tests below)", async () => {
    const seen = await withTenant(tenantA, (tx) => visibleRowsOf(tx, tenantA));
    expect(Object.keys(seen).sort()).toEqual([...tables, "Tenant"].sort());
  });

  it("that runs set_config('app.tenant_id', B) reads nothing of tenant B", async () => {
    const seen = await withTenant(tenantA, async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantB}, true)`;
      return visibleRowsOf(tx, tenantB);
    });
    expect(seen).toEqual({});
  });

  it("that calls livery_enter_tenant(B) a second time is refused", async () => {
    const attempt = withTenant(tenantA, (tx) => tx.$queryRaw`SELECT livery_enter_tenant(${tenantB}::uuid)::text`);
    await expect(attempt).rejects.toThrow(/already bound to a tenant/);
  });

  it("that clears the binding setting and then calls livery_enter_tenant(B) is still refused", async () => {
    const attempt = withTenant(tenantA, async (tx) => {
      await tx.$queryRaw`SELECT set_config('livery.tenant_binding', '', true)`;
      return tx.$queryRaw`SELECT livery_enter_tenant(${tenantB}::uuid)::text`;
    });
    await expect(attempt).rejects.toThrow(/already bound to a tenant/);
  });

  it("that rewrites the binding setting to name B (keeping A's proof) reads nothing of B, nor of A", async () => {
    const seen = await withTenant(tenantA, async (tx) => {
      await tx.$queryRaw`
        SELECT set_config('livery.tenant_binding',
          ${tenantB} || substr(current_setting('livery.tenant_binding'), 37), true)`;
      return { b: await visibleRowsOf(tx, tenantB), a: await visibleRowsOf(tx, tenantA) };
    });
    expect(seen).toEqual({ b: {}, a: {} });
  });

  it("that writes a malformed binding (garbage, upper case, moved hyphens, a braced uuid) reads nothing, without an error", async () => {
    for (const edit of [
      () => "garbage",
      (b: string) => b.toUpperCase(),
      (b: string) => b.slice(0, 8) + b.slice(9, 10) + "-" + b.slice(10),
      (b: string) => `{${b.slice(0, 36)}}${b.slice(36, 100)}`,
      // The proof's last hex digit changed (to another digit: replacing it with itself is no edit).
      (b: string) => b.slice(0, 100) + (b.at(100) === "0" ? "1" : "0"),
    ]) {
      const seen = await withTenant(tenantA, async (tx) => {
        const [row] = await tx.$queryRaw<{ binding: string }[]>`SELECT current_setting('livery.tenant_binding') AS binding`;
        await tx.$queryRaw`SELECT set_config('livery.tenant_binding', ${edit(row!.binding)}, true)`;
        return visibleRowsOf(tx, tenantA);
      });
      expect(seen, edit("x".repeat(101))).toEqual({});
    }
  });

  it("that replays a binding copied from an earlier transaction of B reads nothing of B", async () => {
    // One connection, so the later transaction runs on the same backend as the earlier one.
    const single = db.current.singleConnectionClient();
    setDbClient(single);
    try {
      const copied = await withTenant(tenantB, async (tx) => {
        const [row] = await tx.$queryRaw<{ binding: string }[]>`SELECT current_setting('livery.tenant_binding') AS binding`;
        return row!.binding;
      });
      const seen = await withTenant(tenantA, async (tx) => {
        await tx.$queryRaw`SELECT set_config('livery.tenant_binding', ${copied}, true)`;
        return visibleRowsOf(tx, tenantB);
      });
      expect(seen).toEqual({});
    } finally {
      setDbClient(db.current.client);
    }
  });
});

describe("the binding", () => {
  it("accepts entering the same tenant twice in one transaction", async () => {
    const seen = await withTenant(tenantA, async (tx) => {
      await tx.$queryRaw`SELECT livery_enter_tenant(${tenantA}::uuid)::text`;
      return visibleRowsOf(tx, tenantA);
    });
    expect(seen.Content).toBe(1);
  });

  it("leaves nothing behind after the transaction: no setting, no lock, no tenant, no role", async () => {
    const single = db.current.singleConnectionClient();
    setDbClient(single);
    try {
      await withTenant(tenantA, (tx) => tx.content.count());
      const [after] = await single.$queryRaw<{ binding: string | null; tenant: string | null; locks: number; role: string }[]>`
        SELECT NULLIF(current_setting('livery.tenant_binding', true), '') AS binding,
          livery_current_tenant()::text AS tenant,
          (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks,
          current_user::text AS role`;
      expect(after).toEqual({ binding: null, tenant: null, locks: 0, role: expect.not.stringMatching(/^livery_/) });
      // And the next transaction on this connection may enter another tenant.
      const seen = await withTenant(tenantB, (tx) => visibleRowsOf(tx, tenantB));
      expect(seen.Content).toBe(1);
    } finally {
      setDbClient(db.current.client);
    }
  });

  it("is read by every tenant policy through an InitPlan, and no policy reads app.tenant_id", async () => {
    const policies = await db.current.client.$queryRaw<{ tablename: string; qual: string; with_check: string }[]>`
      SELECT tablename::text, qual, with_check FROM pg_policies
      WHERE schemaname = 'public' AND ${TENANT_ROLE} = ANY (roles)`;
    expect(policies.length).toBeGreaterThanOrEqual(tables.length);
    for (const p of policies) {
      for (const expression of [p.qual, p.with_check]) {
        expect(expression, p.tablename).toMatch(
          /^\("?(tenantId|id)"? = \( SELECT livery_current_tenant\(\) AS livery_current_tenant\)\)$/,
        );
      }
    }
    const [definition] = await db.current.client.$queryRaw<{ source: string }[]>`
      SELECT prosrc AS source FROM pg_proc WHERE proname = 'livery_current_tenant'`;
    expect(definition!.source).not.toContain("app.tenant_id");
  });

  it("is checked once per statement, not once per row (EXPLAIN shows an InitPlan)", async () => {
    const plan = await withTenant(tenantA, (tx) =>
      tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT * FROM "Content"`),
    );
    const text = plan.map((line) => line["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/InitPlan/);
    expect(text).not.toMatch(/(Filter|Cond): .*livery_current_tenant\(\)/);
  });
});
