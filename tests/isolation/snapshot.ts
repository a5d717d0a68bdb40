import type { PrismaClient } from "@/lib/db/generated/prisma/client";
import { flushUsage } from "@/lib/usage/meter";

// What the database holds, read with the test database's own (superuser)
// client so that no role or row-level policy hides a row from the comparison.

/**
 * Columns that a legitimate request writes as a side effect, never as its
 * purpose: a key's last use (authentication touches it, throttled).
 */
const VOLATILE_COLUMNS = ["lastUsedAt"];

async function publicTables(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_prisma%' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

const rowText = `(to_jsonb(x) - '{${VOLATILE_COLUMNS.join(",")}}'::text[])::text`;

/**
 * A cheap fingerprint of every table: its row count and an MD5 of all its
 * rows. Metered API calls still pending in memory are written first, so a
 * flush in the middle of a case cannot be mistaken for a change it made.
 */
export async function databaseFingerprint(db: PrismaClient): Promise<Record<string, string>> {
  await flushUsage();
  const tables = await publicTables(db);
  const query = tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int || ':' || md5(coalesce(string_agg(${rowText}, ',' ORDER BY ${rowText}), '')) AS print FROM "${table}" x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; print: string }[]>(query);
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}

/**
 * Every row that belongs to one tenant, per table, in a stable order. Its
 * metering rows from `meteredSince` on are left out: its own legitimate
 * requests in the matrix are counted there, and the matrix checks that count
 * exactly instead.
 */
export async function tenantRows(db: PrismaClient, tenantId: string, meteredSince: string): Promise<Record<string, unknown[]>> {
  await flushUsage();
  const out: Record<string, unknown[]> = {};
  for (const table of await publicTables(db)) {
    const columns = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      table,
    );
    const names = new Set(columns.map((c) => c.name));
    const owner = table === "Tenant" ? "id" : names.has("tenantId") ? "tenantId" : null;
    if (!owner) continue;
    const metering = table === "TenantUsageMetric" ? ` AND x."day" < $2::date` : "";
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT ${rowText} AS row FROM "${table}" x WHERE x."${owner}" = $1::uuid${metering} ORDER BY 1`,
      tenantId,
      ...(metering ? [meteredSince] : []),
    );
    out[table] = rows.map((r) => JSON.parse(r.row) as unknown);
  }
  return out;
}
