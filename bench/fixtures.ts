// Written into the bench database before the server starts (the embedded
// database has one owner at a time): the key the API benchmark calls with,
// and a rate limit high enough that the benchmark measures the limiter's
// work rather than its refusals.
import { displayPrefix, hashApiKey } from "@/lib/api-keys/keys";
import { disconnectDb } from "@/lib/db/client";
import { findTenantBySlug, withPlatform } from "@/lib/db/platform";

const secret = process.env.BENCH_API_KEY;
if (!secret) throw new Error("BENCH_API_KEY is not set");
const acme = (await findTenantBySlug("acme"))!;
await withPlatform(async (tx) => {
  await tx.tenantApiKey.create({
    data: {
      tenantId: acme.id,
      name: "bench",
      prefix: displayPrefix(secret),
      hash: hashApiKey(secret),
      permissions: ["read:content"],
    },
  });
  const config = await tx.tenantConfig.findUniqueOrThrow({ where: { tenantId: acme.id } });
  await tx.tenantConfig.update({
    where: { tenantId: acme.id },
    data: { limits: { ...(config.limits as object), apiRatePerMinute: 100_000_000 } },
  });
});
await disconnectDb();
