import { beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "@/lib/db/platform";
import { setupTestDatabase } from "@/tests/helpers/setup-test-database";
import { forgetMemo } from "./memo";
import { getPlatformOverview } from "./overview";
import { listPlatformAudit, platformAuditQuerySchema } from "./platform-audit";

setupTestDatabase();

const today = new Date(new Date().toISOString().slice(0, 10));

beforeAll(async () => {
  await withPlatform(async (tx) => {
    const free = await tx.tenant.create({ data: { slug: "tiny", name: "Tiny", plan: "free" } });
    await tx.tenant.create({ data: { slug: "big", name: "Big", plan: "enterprise" } });
    await tx.tenant.create({
      data: { slug: "held", name: "Held", plan: "pro", status: "SUSPENDED", suspendedReason: "test", suspendedAt: new Date() },
    });
    // Tiny (free: 3 members) has 3 members: the closest to a limit.
    for (const n of [1, 2, 3])
      await tx.user.create({ data: { tenantId: free.id, email: `u${n}@tiny.test`, name: `U${n}`, role: "MEMBER" } });
    await tx.tenantUsageMetric.create({ data: { tenantId: free.id, day: today, apiCalls: 42n } });
    await tx.auditLog.create({ data: { tenantId: null, actorType: "SYSTEM", action: "platform.thing" } });
    await tx.auditLog.create({ data: { tenantId: free.id, actorType: "SYSTEM", action: "tenant.thing" } });
  });
  forgetMemo();
});

describe("platform overview", () => {
  it("counts tenants by plan and status, this month's, today's API calls and who is near a limit", async () => {
    const overview = await getPlatformOverview();
    expect(overview.byPlanStatus).toEqual(
      [
        { plan: "free", status: "ACTIVE", count: 1 },
        { plan: "pro", status: "SUSPENDED", count: 1 },
        { plan: "enterprise", status: "ACTIVE", count: 1 },
      ].sort((a, b) => a.plan.localeCompare(b.plan)),
    );
    expect(overview.newThisMonth).toBe(3);
    expect(overview.apiCallsToday).toBe(42);
    expect(overview.apiCallsByDay).toHaveLength(30);
    expect(overview.apiCallsByDay.at(-1)).toEqual({ day: today.toISOString().slice(0, 10), value: 42 });
    expect(overview.nearLimits[0]).toMatchObject({ slug: "tiny", limit: "users", used: 3, allowed: 3 });
  });

  it("is computed once a minute, not on every view", async () => {
    const first = await getPlatformOverview();
    await withPlatform((tx) => tx.tenant.create({ data: { slug: "later", name: "Later" } }));
    expect(await getPlatformOverview()).toBe(first);
    forgetMemo();
    expect((await getPlatformOverview()).newThisMonth).toBe(4);
  });
});

describe("platform audit log", () => {
  it("shows platform-level entries alone, or everyone's, newest first with the tenant's slug", async () => {
    const platform = await listPlatformAudit(platformAuditQuerySchema.parse({ scope: "platform" }));
    expect(platform.data.map((e) => e.action)).toEqual(["platform.thing"]);
    const all = await listPlatformAudit(platformAuditQuerySchema.parse({}));
    expect(all.data.map((e) => [e.action, e.tenant])).toEqual([
      ["tenant.thing", "tiny"],
      ["platform.thing", null],
    ]);
    const page = await listPlatformAudit(platformAuditQuerySchema.parse({ limit: 1 }));
    const next = await listPlatformAudit(platformAuditQuerySchema.parse({ limit: 1, cursor: page.nextCursor }));
    expect(next.data.map((e) => e.action)).toEqual(["platform.thing"]);
  });
});
