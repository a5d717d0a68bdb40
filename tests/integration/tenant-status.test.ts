import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "@/lib/db/platform";
import { resetEnvCache } from "@/lib/env";
import { disconnectRedis } from "@/lib/redis/client";
import { activateTenant, suspendTenant } from "@/lib/tenants/service";
import { INVALIDATION_CHANNEL } from "@/lib/cache/invalidation";
import { resetTenantStatus, getTenantStatus } from "@/lib/tenants/status";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

const admin = { type: "USER" as const, id: "admin", label: "admin@livery.test", ip: "127.0.0.1" };
let tenantId = "";

beforeAll(async () => {
  tenantId = (await withPlatform((tx) => tx.tenant.create({ data: { slug: "status-co", name: "Status Co", plan: "basic" } }))).id;
});

describe("tenant status in the Node layer", () => {
  it("sees a suspension on this instance at once, though the status was cached", async () => {
    expect(await getTenantStatus(tenantId)).toBe("ACTIVE");
    await suspendTenant(tenantId, "  Unpaid invoice  ", admin);
    expect(await getTenantStatus(tenantId)).toBe("SUSPENDED");
    await activateTenant(tenantId, admin);
    expect(await getTenantStatus(tenantId)).toBe("ACTIVE");
  });

  it("records reason and time, and audits both changes in the same transaction as the change", async () => {
    await suspendTenant(tenantId, "Abuse report #42", admin);
    const tenant = await withPlatform((tx) => tx.tenant.findUniqueOrThrow({ where: { id: tenantId } }));
    expect(tenant).toMatchObject({ status: "SUSPENDED", suspendedReason: "Abuse report #42" });
    expect(tenant.suspendedAt).toBeInstanceOf(Date);
    const actions = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { tenantId, action: { startsWith: "tenant." } }, orderBy: { createdAt: "asc" } }),
    );
    expect(actions.map((a) => a.action)).toEqual(["tenant.suspended", "tenant.activated", "tenant.suspended"]);
    expect(actions[0]).toMatchObject({
      actorType: "USER",
      actorLabel: "admin@livery.test",
      ip: "127.0.0.1",
      metadata: { reason: "Unpaid invoice" },
    });
    await activateTenant(tenantId, admin);
  });

  it("refuses a suspension without a reason, changing nothing", async () => {
    await expect(suspendTenant(tenantId, "   ", admin)).rejects.toMatchObject({ code: "validation_failed", status: 422 });
    expect(await getTenantStatus(tenantId)).toBe("ACTIVE");
  });

  it("is null for a tenant that does not exist", async () => {
    expect(await getTenantStatus("00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(suspendTenant("00000000-0000-4000-8000-000000000000", "x", admin)).rejects.toMatchObject({ code: "not_found" });
  });
});

// Two instances share Redis; a change on one must clear the other's cache at
// once. The other instance is played by a second Redis connection publishing
// what its announceTenantChange() would.
describe.runIf(process.env.REDIS_TEST_URL)("with REDIS_URL, across instances", () => {
  let otherInstance: Redis;

  beforeAll(async () => {
    process.env.REDIS_URL = process.env.REDIS_TEST_URL;
    resetEnvCache();
    await disconnectRedis(); // forget the "no Redis" decision made before REDIS_URL was set
    resetTenantStatus();
    otherInstance = new Redis(process.env.REDIS_TEST_URL!);
  });

  afterAll(async () => {
    await otherInstance.quit();
    await disconnectRedis();
    delete process.env.REDIS_URL;
    resetEnvCache();
    resetTenantStatus();
  });

  it("drops a cached status when another instance announces a change", async () => {
    expect(await getTenantStatus(tenantId)).toBe("ACTIVE"); // cached here, and subscribed
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the subscription settle
    // The other instance suspends the tenant directly and announces it.
    await withPlatform((tx) =>
      tx.tenant.update({ where: { id: tenantId }, data: { status: "SUSPENDED", suspendedAt: new Date(), suspendedReason: "x" } }),
    );
    await otherInstance.publish(INVALIDATION_CHANNEL, `tenant:${tenantId}`);
    // Well inside STATUS_TTL_MS: only the message can have cleared the entry.
    await expect.poll(() => getTenantStatus(tenantId), { timeout: 500, interval: 20 }).toBe("SUSPENDED");
  });
});
