import "server-only";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { escapeLike } from "@/lib/api/pagination";
import type { ListTenantsQuery } from "./schemas";

export type SortKey = "createdAt" | "slug" | "name";
export type KeysetCursor = { v: string; id: string };

const COLUMNS: Record<SortKey, Prisma.Sql> = {
  createdAt: Prisma.raw(`t."createdAt"`),
  slug: Prisma.raw(`t."slug"`),
  name: Prisma.raw(`t."name"`),
};

const HAS_TRIGRAM = /[\p{L}\p{N}]{3}/u;

/** How many tenants, in page order, a search reads before it turns to the trigram indexes. */
export const SEARCH_PROBE_ROWS = 200;

/**
 * One page of ids of the tenants whose slug, name or any custom domain
 * hostname (verified or not: operators look up who holds a domain) contains
 * the term, in (key, id) order after the cursor.
 *
 * Two plans, chosen by what the data says rather than by the planner: under
 * row-level security PostgreSQL does not use column statistics for a
 * non-leakproof operator such as ILIKE, so it cannot tell a common term from
 * a rare one and picks badly for one or the other.
 *  1. A probe walks the sort key's index for the next SEARCH_PROBE_ROWS
 *     tenants and keeps the matches. A common term fills the page within a
 *     few dozen rows and stops there; a small platform is read whole.
 *  2. Otherwise the term is rare: the trigram indexes find every match (a
 *     bitmap of few rows), and a top-N sort takes the page.
 */
export async function searchTenantIds(
  tx: Tx,
  query: ListTenantsQuery & { q: string },
  key: SortKey,
  dir: "asc" | "desc",
  cursor: KeysetCursor | null,
  probeRows = SEARCH_PROBE_ROWS,
): Promise<string[]> {
  const search = searchSql(query, key, dir, cursor);
  // pg_trgm indexes runs of three letters or digits; a term with none (such
  // as "0.") gets nothing from them, so the probe walks on until the page is full.
  const window = HAS_TRIGRAM.test(query.q) ? Prisma.sql`LIMIT ${probeRows}` : Prisma.empty;
  // OFFSET 0 keeps the EXISTS a lookup by tenantId for each row the probe
  // reads; without it PostgreSQL may hash every matching hostname first.
  const probe = await tx.$queryRaw<{ id: string }[]>`
    SELECT w."id" FROM (
      SELECT t."id", ${search.column} AS k, t."slug", t."name" FROM "Tenant" t
      WHERE true${search.and} ORDER BY ${search.column} ${search.order}, t."id" ${search.order} ${window}
    ) w
    WHERE w."slug" ILIKE ${search.pattern} OR w."name" ILIKE ${search.pattern}
      OR EXISTS (SELECT 1 FROM "TenantDomain" d WHERE d."tenantId" = w."id" AND d."hostname" ILIKE ${search.pattern} OFFSET 0)
    ORDER BY w.k ${search.order}, w."id" ${search.order}
    LIMIT ${search.take}`;
  if (probe.length === search.take || window === Prisma.empty) return probe.map((row) => row.id);
  const [read] = await tx.$queryRaw<{ rows: number }[]>`
    SELECT count(*)::int AS rows FROM (SELECT 1 FROM "Tenant" t WHERE true${search.and} LIMIT ${probeRows}) w`;
  if ((read?.rows ?? 0) < probeRows) return probe.map((row) => row.id);
  return trigramSearch(tx, search);
}

type SearchSql = ReturnType<typeof searchSql>;

function searchSql(query: ListTenantsQuery & { q: string }, key: SortKey, dir: "asc" | "desc", cursor: KeysetCursor | null) {
  const column = COLUMNS[key];
  const filters: Prisma.Sql[] = [];
  if (query.plan) filters.push(Prisma.sql`t."plan" = CAST(${query.plan} AS "Plan")`);
  if (query.status) filters.push(Prisma.sql`t."status" = CAST(${query.status} AS "TenantStatus")`);
  if (cursor) {
    const value = key === "createdAt" ? new Date(cursor.v) : cursor.v;
    // Same shape as the unfiltered list's keyset: a range on the key, ties broken on id.
    const [orEqual, beyond] = dir === "asc" ? [Prisma.raw(">="), Prisma.raw(">")] : [Prisma.raw("<="), Prisma.raw("<")];
    filters.push(
      Prisma.sql`${column} ${orEqual} ${value} AND (${column} ${beyond} ${value} OR t."id" ${beyond} CAST(${cursor.id} AS uuid))`,
    );
  }
  return {
    pattern: `%${escapeLike(query.q)}%`,
    column,
    order: Prisma.raw(dir === "asc" ? "ASC" : "DESC"),
    take: query.limit + 1,
    and: filters.length ? Prisma.sql` AND ${Prisma.join(filters, " AND ")}` : Prisma.empty,
  };
}

/**
 * Every match through the trigram indexes, as a UNION of two branches (slug
 * or name; a hostname) so each is a bitmap scan: one `OR EXISTS (…)` would
 * read the whole table. The top of the union is the top of the branches' tops.
 */
async function trigramSearch(tx: Tx, { pattern, column, order, take, and }: SearchSql): Promise<string[]> {
  // Without statistics (see above) the planner prices a sequential scan below
  // the trigram bitmap that runs several times faster. Off for this
  // transaction only; nothing else runs in it but reading the page's rows.
  await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT m."id" FROM (
      (SELECT t."id", ${column} AS k FROM "Tenant" t
        WHERE (t."slug" ILIKE ${pattern} OR t."name" ILIKE ${pattern})${and}
        ORDER BY ${column} ${order}, t."id" ${order} LIMIT ${take})
      UNION
      (SELECT t."id", ${column} AS k FROM "Tenant" t
        WHERE t."id" IN (SELECT d."tenantId" FROM "TenantDomain" d WHERE d."hostname" ILIKE ${pattern})${and}
        ORDER BY ${column} ${order}, t."id" ${order} LIMIT ${take})
    ) m
    ORDER BY m.k ${order}, m."id" ${order}
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}
