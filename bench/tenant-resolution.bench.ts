// Host → tenant resolution, per request: the middleware's in-memory directory
// (steady state: a cache hit) versus a database lookup on every request, the
// design most tenancy middleware uses.
import { withPlatform } from "@/lib/db/platform";
import { TenantDirectory } from "@/lib/tenancy/directory";
import { resolveTenantByHost } from "@/lib/tenancy/resolve";
import { onEachDatabase } from "./databases";
import { interleave, printTable } from "./stats";

const TENANTS = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);

export async function benchTenantResolution(): Promise<void> {
  await onEachDatabase(async (db) => {
    await withPlatform((tx) =>
      tx.tenant.createMany({ data: Array.from({ length: TENANTS }, (_, i) => ({ slug: `tenant-${i}`, name: `Tenant ${i}` })) }),
    );
    const hosts = Array.from({ length: TENANTS }, (_, i) => `tenant-${i}.localhost`);
    const directory = new TenantDirectory({ lookup: resolveTenantByHost, ttlMs: 60_000 });
    for (const host of hosts) await directory.resolve(host);
    let i = 0;
    const nextHost = () => hosts[i++ % hosts.length]!;
    const samples = await interleave(
      {
        "database lookup per request": () => resolveTenantByHost(nextHost()),
        "directory cache (steady state)": () => directory.resolve(nextHost()),
      },
      ROUNDS,
    );
    printTable(`tenant resolution on ${db.kind}: ${TENANTS} tenants, ${ROUNDS} rounds`, samples, "database lookup per request");
  });
}
