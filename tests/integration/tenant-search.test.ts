import { beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "@/lib/db/platform";
import { listTenantsQuerySchema } from "@/lib/tenants/schemas";
import { type KeysetCursor, type SortKey, searchTenantIds } from "@/lib/tenants/search";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

// The search has two plans (lib/tenants/search.ts): a probe of the next rows
// in page order, and the trigram indexes once the probe's window is full
// without filling the page. Both must give exactly the same pages; a window
// of one row forces the trigram plan, a huge one keeps the probe's.
type Row = { id: string; slug: string; name: string; plan: string; createdAt: Date; hosts: string[] };
let rows: Row[] = [];
const base = Date.parse("2026-02-01T00:00:00.000Z");

beforeAll(async () => {
  rows = await withPlatform(async (tx) => {
    const made: Row[] = [];
    for (let i = 0; i < 40; i++) {
      const tenant = await tx.tenant.create({
        data: {
          slug: `s-${["north", "south", "east", "west"][i % 4]}-${i}`,
          name: `${["Harbor", "Meadow", "Granite", "Harbour"][i % 3]} Works ${i % 7}`,
          plan: i % 2 ? "pro" : "basic",
          createdAt: new Date(base + (i % 5) * 1000), // ties: id breaks them
        },
      });
      const hosts = i % 6 === 0 ? [`portal-${i}.harbor.example`, `www.portal-${i}.harbor.example`] : [];
      for (const hostname of hosts)
        await tx.tenantDomain.create({ data: { tenantId: tenant.id, hostname, verificationToken: "t" } });
      made.push({ ...tenant, hosts });
    }
    return made;
  });
});

const sortKey = (sort: string): { key: SortKey; dir: "asc" | "desc" } =>
  sort.startsWith("-") ? { key: sort.slice(1) as SortKey, dir: "desc" } : { key: sort as SortKey, dir: "asc" };

function expected(q: string, sort: string, plan?: string): string[] {
  const { key, dir } = sortKey(sort);
  const needle = q.toLowerCase();
  const value = (r: Row) => (key === "createdAt" ? r.createdAt.toISOString() : r[key]);
  return rows
    .filter((r) => [r.slug, r.name, ...r.hosts].some((text) => text.toLowerCase().includes(needle)))
    .filter((r) => !plan || r.plan === plan)
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = x === y ? (a.id < b.id ? -1 : 1) : key === "createdAt" ? (x < y ? -1 : 1) : x.localeCompare(y, "en");
      return dir === "asc" ? order : -order;
    })
    .map((r) => r.id);
}

async function walk(q: string, sort: string, probeRows: number, plan?: string): Promise<string[]> {
  const query = listTenantsQuerySchema.parse({ q, sort, plan, limit: 4 });
  const { key, dir } = sortKey(sort);
  const seen: string[] = [];
  let cursor: KeysetCursor | null = null;
  for (let page = 0; page < 20; page++) {
    const ids = await withPlatform((tx) => searchTenantIds(tx, { ...query, q }, key, dir, cursor, probeRows));
    seen.push(...ids.slice(0, 4));
    if (ids.length <= 4) return seen;
    const last = rows.find((r) => r.id === ids[3])!;
    cursor = { v: key === "createdAt" ? last.createdAt.toISOString() : last[key], id: last.id };
  }
  throw new Error("more pages than tenants");
}

describe("tenant search plans", () => {
  it.each([
    ["a common name", "harbo", "-createdAt"],
    ["a name, by name", "works 3", "name"],
    ["a slug, newest last", "SOUTH", "createdAt"],
    ["a hostname only", "portal-", "-slug"],
    ["name or hostname", "harbor", "slug"],
    ["nothing", "no-such-thing", "-name"],
    ["two characters", "-1", "-createdAt"],
  ])("%s: both plans page through exactly the matches, in order", async (_, q, sort) => {
    const want = expected(q, sort);
    expect(await walk(q, sort, 1)).toEqual(want);
    expect(await walk(q, sort, 10_000)).toEqual(want);
    // A window between: the probe answers some pages and the trigram plan the rest.
    expect(await walk(q, sort, 6)).toEqual(want);
  });

  it("keeps the plan filter on both plans", async () => {
    const want = expected("harb", "-createdAt", "pro");
    expect(want.length).toBeGreaterThan(4);
    expect(await walk("harb", "-createdAt", 1, "pro")).toEqual(want);
    expect(await walk("harb", "-createdAt", 10_000, "pro")).toEqual(want);
  });
});
