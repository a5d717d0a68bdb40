import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { flushUsage, recordApiCall } from "@/lib/usage/meter";
import { call, createTestApiKey } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

// The REST wrapper's rate limit and usage metering (split from api-wrapper.test.ts).

setupTestDatabase();

type T = { id: string; slug: string };
let acme: T;
let globex: T;
let acmeKey: string;
let globexKey: string;

beforeAll(async () => {
  [acme, globex] = await withPlatform(async (tx) => [
    await tx.tenant.create({ data: { slug: "acme", name: "Acme", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "free" }, select: { id: true, slug: true } }),
  ]);
  acmeKey = (await createTestApiKey(acme.id, ["read:content", "write:content"])).secret;
  globexKey = (await createTestApiKey(globex.id, ["read:content"])).secret;
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

describe("rate limit", () => {
  it("allows the plan's number per minute, then 429 with Retry-After, per tenant", async () => {
    // globex is on the free plan: 60 requests per minute.
    for (let i = 0; i < 60; i += 1) {
      const res = await call(info, "GET", "/tenants/current/info", { key: globexKey });
      expect(res.status, `request ${i + 1}`).toBe(200);
    }
    const refused = await call(info, "GET", "/tenants/current/info", { key: globexKey });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another tenant is not affected.
    expect((await call(info, "GET", "/tenants/current/info", { key: acmeKey })).status).toBe(200);
  });

  it("a per-key limit applies below the tenant's", async () => {
    const slow = await createTestApiKey(acme.id, ["read:content"], { rateLimitPerMinute: 2 });
    expect((await call(info, "GET", "/tenants/current/info", { key: slow.secret })).status).toBe(200);
    expect((await call(info, "GET", "/tenants/current/info", { key: slow.secret })).status).toBe(200);
    const third = await call(info, "GET", "/tenants/current/info", { key: slow.secret });
    expect(third.status).toBe(429);
    expect(third.headers.get("ratelimit-limit")).toBe("2");
  });
});

describe("metering", () => {
  it("counts successful calls and their bytes in memory and writes them on flush", async () => {
    await flushUsage();
    const before = await usage(acme.id);
    const responses = await Promise.all(
      Array.from({ length: 7 }, () => call(info, "GET", "/tenants/current/info", { key: acmeKey })),
    );
    await call(info, "GET", "/tenants/current/info", { key: acmeKey, host: globex }); // refused: not counted
    expect(await usage(acme.id)).toEqual(before); // nothing written per request
    await flushUsage();
    const after = await usage(acme.id);
    expect(after.apiCalls - before.apiCalls).toBe(7n);
    const bytes = responses.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.body)), 0);
    expect(after.bandwidthBytes - before.bandwidthBytes).toBe(BigInt(bytes));
  });
});

describe("metering storage", () => {
  it("a new day's row starts with the storage the tenant had the day before", async () => {
    const initech = await withPlatform(async (tx) => {
      const tenant = await tx.tenant.create({ data: { slug: "initech", name: "Initech" } });
      await tx.tenantUsageMetric.create({
        data: { tenantId: tenant.id, day: new Date(Date.now() - 86_400_000 * 3), storageBytes: 1234n },
      });
      return tenant;
    });
    recordApiCall(initech.id, 10);
    await flushUsage();
    const today = await withTenant(initech.id, (tx) =>
      tx.tenantUsageMetric.findFirstOrThrow({ where: { day: new Date(new Date().toISOString().slice(0, 10)) } }),
    );
    expect(today).toMatchObject({ apiCalls: 1n, bandwidthBytes: 10n, storageBytes: 1234n });
  });
});

async function usage(tenantId: string) {
  const rows = await withTenant(tenantId, (tx) => tx.tenantUsageMetric.findMany());
  return {
    apiCalls: rows.reduce((s, r) => s + r.apiCalls, 0n),
    bandwidthBytes: rows.reduce((s, r) => s + r.bandwidthBytes, 0n),
  };
}
