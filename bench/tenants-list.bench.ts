// The super-admin tenants list (lib/tenants/queries.ts listTenants, the
// service behind GET /api/v1/tenants and /admin/tenants) at 1,000 tenants
// and at 100,000, each in its own fresh database seeded here (not by the demo
// seed): the first page, a search, and a deep page (the cursor after ~50
// pages). Keyset pages should cost the same at any size; goal ≤ 1.5× at 100×.
import { setDbClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/prisma/client";
import { listTenants } from "@/lib/tenants/queries";
import { listTenantsQuerySchema } from "@/lib/tenants/schemas";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { interleave, printTable } from "./stats";

const SIZES = [1_000, 100_000] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const PAGE = 20;
const DEEP_PAGES = 49;

/** One INSERT … SELECT generate_series: 100,000 rows in seconds, plus a custom domain on every 10th tenant. */
async function seed(client: PrismaClient, count: number): Promise<void> {
  await client.$executeRawUnsafe(`
    INSERT INTO "Tenant" ("id", "slug", "name", "plan", "status", "suspendedReason", "suspendedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'tenant-' || lpad(i::text, 6, '0'), 'Company ' || i,
      (ARRAY['free','basic','pro','enterprise'])[1 + i % 4]::"Plan",
      (CASE WHEN i % 20 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"TenantStatus",
      CASE WHEN i % 20 = 0 THEN 'bench' END, CASE WHEN i % 20 = 0 THEN now() END,
      now() - make_interval(secs => i), now()
    FROM generate_series(1, ${count}) AS i`);
  // One tenant with a name of its own, as real platforms are full of.
  await client.$executeRawUnsafe(`UPDATE "Tenant" SET "name" = 'Initech Holdings' WHERE "slug" = 'tenant-000420'`);
  await client.$executeRawUnsafe(`
    INSERT INTO "TenantDomain" ("id", "tenantId", "hostname", "verificationToken", "verifiedAt")
    SELECT gen_random_uuid(), "id", "slug" || '.example.com', 'token', now() FROM "Tenant" WHERE right("slug", 1) = '0'`);
  await client.$executeRawUnsafe(`ANALYZE`);
}

/** The cursor after DEEP_PAGES pages, walked once, as a client paging on would hold it. */
async function deepCursor(): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < DEEP_PAGES; i++) {
    const page = await listTenants(listTenantsQuerySchema.parse({ limit: PAGE, cursor }));
    cursor = page.nextCursor ?? undefined;
  }
  return cursor!;
}

export async function benchTenantsList(): Promise<void> {
  const databases: { size: number; db: TestDatabase; cursor: string }[] = [];
  try {
    for (const size of SIZES) {
      const started = performance.now();
      const db = await createTestDatabase();
      await seed(db.client, size);
      setDbClient(db.client);
      databases.push({ size, db, cursor: await deepCursor() });
      console.log(
        `  seeded ${size.toLocaleString()} tenants on ${db.kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const variants: Record<string, () => Promise<unknown>> = {};
    const queries = {
      "first page": () => ({}),
      "search (rare name: one tenant)": () => ({ q: "initech" }),
      "search (rare, common words: 111 tenants)": () => ({ q: "company 777" }),
      "search (common: ~11% match)": () => ({ q: "company 1" }),
      "search (domain: 10% match, 2 characters)": () => ({ q: "0." }),
      "search (a custom domain)": () => ({ q: "tenant-004570.example" }),
      "filter plan=pro": () => ({ plan: "pro" }),
      "deep page (after 49 pages)": (cursor: string) => ({ cursor }),
    };
    for (const [label, query] of Object.entries(queries)) {
      for (const { size, db, cursor } of databases) {
        const parsed = listTenantsQuerySchema.parse({ limit: PAGE, ...query(cursor) });
        variants[`${label} @ ${size.toLocaleString()}`] = () => {
          setDbClient(db.client);
          return listTenants(parsed);
        };
      }
    }
    const samples = await interleave(variants, ROUNDS, 20);
    for (const label of Object.keys(queries)) {
      const pair = samples.filter((s) => s.name.startsWith(`${label} @`));
      printTable(`Tenants list — ${label} (${databases[0]!.db.kind}), 100× the tenants vs 1,000`, pair, pair[0]!.name);
    }
  } finally {
    setDbClient(undefined);
    for (const { db } of databases) await db.drop();
  }
}
