import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { validationFailed } from "@/lib/http/errors";
import type { ListTenantsQuery, TenantSort, TenantView } from "./schemas";
import { TENANT_VIEW_INCLUDE, assertTenantId, findTenantViewOrThrow, toTenantView } from "./view";
import { type KeysetCursor, type SortKey, searchTenantIds } from "./search";

/** One tenant, read under its own row-level security (the caller's access was checked by the route). */
export function getTenant(tenantId: string): Promise<TenantView> {
  assertTenantId(tenantId);
  return withTenant(tenantId, (tx) => findTenantViewOrThrow(tx, tenantId));
}

type Cursor = KeysetCursor & { s: TenantSort };

function parseSort(sort: TenantSort): { key: SortKey; dir: "asc" | "desc" } {
  return sort.startsWith("-") ? { key: sort.slice(1) as SortKey, dir: "desc" } : { key: sort as SortKey, dir: "asc" };
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");

function decodeCursor(raw: string, sort: TenantSort): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    if (cursor.s === sort && typeof cursor.v === "string" && typeof cursor.id === "string") {
      if (sort.endsWith("createdAt") && Number.isNaN(Date.parse(cursor.v))) throw new Error("bad date");
      if (/^[0-9a-f-]{36}$/i.test(cursor.id)) return cursor as Cursor;
    }
  } catch {
    // Falls through to the same answer as a well-formed cursor of another list.
  }
  throw validationFailed(["cursor"], "is not a cursor from this list with this sort");
}

/**
 * Rows after the cursor in (key, id) order. Written as `key ≤ v AND (key < v
 * OR id < cursorId)` rather than a bare OR so the planner can use the key's
 * index for the range and only break ties on id.
 */
function after(cursor: Cursor, key: SortKey, dir: "asc" | "desc"): Prisma.TenantWhereInput {
  const value = key === "createdAt" ? new Date(cursor.v) : cursor.v;
  const [orEqual, beyond] = dir === "asc" ? (["gte", "gt"] as const) : (["lte", "lt"] as const);
  return { AND: [{ [key]: { [orEqual]: value } }, { OR: [{ [key]: { [beyond]: value } }, { id: { [beyond]: cursor.id } }] }] };
}

/**
 * Tenants, filtered and in keyset pages: each page is one index range scan of
 * `limit + 1` rows (the extra row only says whether there is a next page), so
 * page 5,000 costs what page 1 does. No OFFSET, and no total count. A search
 * finds the page's ids first (lib/tenants/search.ts), then reads them whole.
 */
export async function listTenants(query: ListTenantsQuery): Promise<{ data: TenantView[]; nextCursor: string | null }> {
  const { key, dir } = parseSort(query.sort);
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  const rows = await withPlatform(async (tx) => {
    if (query.q) {
      const ids = await searchTenantIds(tx, { ...query, q: query.q }, key, dir, cursor);
      const found = new Map(
        (await tx.tenant.findMany({ where: { id: { in: ids } }, include: TENANT_VIEW_INCLUDE })).map((row) => [row.id, row]),
      );
      return ids.flatMap((id) => found.get(id) ?? []);
    }
    const where: Prisma.TenantWhereInput[] = [];
    if (query.plan) where.push({ plan: query.plan });
    if (query.status) where.push({ status: query.status });
    if (cursor) where.push(after(cursor, key, dir));
    return tx.tenant.findMany({
      where: { AND: where },
      orderBy: [{ [key]: dir }, { id: dir }],
      take: query.limit + 1,
      include: TENANT_VIEW_INCLUDE,
    });
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ s: query.sort, v: key === "createdAt" ? last.createdAt.toISOString() : last[key], id: last.id })
      : null;
  return { data: page.map(toTenantView), nextCursor };
}
