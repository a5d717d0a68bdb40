// What does running every query inside a tenant transaction with row-level
// security cost? Ways to read one tenant's 20 newest content rows:
//   plain query        no transaction, explicit WHERE tenantId (what most apps do)
//   platform tx        one transaction, role switch, explicit WHERE tenantId
//   tenant tx + RLS    withTenant(): transaction, tenant binding + role, RLS filters
//   … 5 reads          the same transaction with five statements: the policy's
//                      tenant check runs once per statement (an InitPlan)
// Read "tenant tx ÷ platform tx" (one and five reads) for the cost of the
// tenant binding: livery_enter_tenant once per transaction, and
// livery_current_tenant once per statement (decision "The tenant is bound to
// the transaction").
import { rawDb } from "@/lib/db/client";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { onEachDatabase } from "./databases";
import { interleave, printTable } from "./stats";

const TENANTS = 20;
const ROWS_PER_TENANT = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);

export async function benchTenantContext(): Promise<void> {
  await onEachDatabase(async (db) => {
    const tenantIds = await withPlatform(async (tx) => {
      const ids: string[] = [];
      for (let t = 0; t < TENANTS; t++) {
        const tenant = await tx.tenant.create({ data: { slug: `bench-${t}`, name: `Bench ${t}` } });
        await tx.content.createMany({
          data: Array.from({ length: ROWS_PER_TENANT }, (_, i) => ({
            tenantId: tenant.id,
            title: `Item ${i}`,
            body: "x".repeat(200),
            sizeBytes: 200,
          })),
        });
        ids.push(tenant.id);
      }
      return ids;
    });
    let i = 0;
    const nextTenant = () => tenantIds[i++ % tenantIds.length]!;
    const query = { orderBy: { createdAt: "desc" as const }, take: 20 };
    const samples = await interleave(
      {
        "plain query (no tx, WHERE tenantId)": () => rawDb().content.findMany({ ...query, where: { tenantId: nextTenant() } }),
        "platform tx (WHERE tenantId)": () =>
          withPlatform((tx) => tx.content.findMany({ ...query, where: { tenantId: nextTenant() } })),
        "tenant tx + RLS (withTenant)": () => withTenant(nextTenant(), (tx) => tx.content.findMany(query)),
        "platform tx, 5 reads": () =>
          withPlatform(async (tx) => {
            const where = { tenantId: nextTenant() };
            for (let read = 0; read < 5; read++) await tx.content.findMany({ ...query, where });
          }),
        "tenant tx + RLS, 5 reads": () =>
          withTenant(nextTenant(), async (tx) => {
            for (let read = 0; read < 5; read++) await tx.content.findMany(query);
          }),
      },
      ROUNDS,
    );
    printTable(
      `tenant context on ${db.kind}: ${TENANTS} tenants × ${ROWS_PER_TENANT} rows, 20 newest rows of one tenant, ${ROUNDS} rounds`,
      samples,
      "plain query (no tx, WHERE tenantId)",
    );
  });
}
