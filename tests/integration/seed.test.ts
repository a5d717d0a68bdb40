import { verifyPassword } from "@/lib/auth/passwords";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/api-keys/keys";
import { findTenantApiKeyByHash, findTenantBySlug, findTenantByVerifiedHostname, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { DEMO_PASSWORD, seedDemo } from "@/prisma/seed";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

const countEverything = () =>
  withPlatform(async (tx) => ({
    tenants: await tx.tenant.count(),
    users: await tx.user.count(),
    content: await tx.content.count(),
    metrics: await tx.tenantUsageMetric.count(),
    keys: await tx.tenantApiKey.count(),
    domains: await tx.tenantDomain.count(),
  }));

describe("demo seed", () => {
  let firstKeys: { tenant: string; secret: string }[] = [];

  it("creates the demo platform", async () => {
    const result = await seedDemo();
    expect(result.created).toBe(true);
    firstKeys = result.apiKeys;
    expect(firstKeys.map((k) => k.tenant).sort()).toEqual(["acme", "globex", "hooli", "umbrella"]);
    expect(await countEverything()).toEqual({ tenants: 5, users: 21, content: 12, metrics: 450, keys: 4, domains: 1 });
  });

  it("is idempotent: a second run changes nothing and prints no keys", async () => {
    const before = await countEverything();
    const again = await seedDemo();
    expect(again).toEqual({ created: false, apiKeys: [] });
    expect(await countEverything()).toEqual(before);
  });

  it("makes tenants with the required plans and states", async () => {
    expect(await findTenantBySlug("acme")).toMatchObject({ plan: "pro", status: "ACTIVE" });
    expect(await findTenantBySlug("globex")).toMatchObject({ plan: "basic", status: "ACTIVE" });
    expect(await findTenantBySlug("umbrella")).toMatchObject({ plan: "free", status: "ACTIVE" });
    expect(await findTenantBySlug("hooli")).toMatchObject({ plan: "enterprise", status: "ACTIVE" });
    expect(await findTenantBySlug("initech")).toMatchObject({
      status: "SUSPENDED",
      suspendedReason: expect.stringMatching(/overdue/),
    });
    expect(await findTenantByVerifiedHostname("portal.acme.test")).toMatchObject({ slug: "acme" });
  });

  it("stores only hashes of the printed keys, and each resolves to its tenant", async () => {
    for (const { tenant, secret } of firstKeys) {
      const key = await findTenantApiKeyByHash(hashApiKey(secret));
      expect(key?.tenant.slug).toBe(tenant);
      expect(JSON.stringify(key)).not.toContain(secret);
    }
  });

  it("gives every tenant user an argon2id hash of the demo password", async () => {
    const acme = (await findTenantBySlug("acme"))!;
    const users = await withTenant(acme.id, (tx) => tx.user.findMany({ orderBy: { email: "asc" } }));
    expect(users.map((u) => u.email)).toEqual(["admin@acme.test", "member@acme.test", "owner@acme.test", "viewer@acme.test"]);
    expect(users[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.passwordHash)).toBe(true);
  });

  it("gives each tenant 90 consecutive days of usage, visible only to that tenant", async () => {
    const globex = (await findTenantBySlug("globex"))!;
    const days = await withTenant(globex.id, (tx) => tx.tenantUsageMetric.findMany({ orderBy: { day: "asc" } }));
    expect(days).toHaveLength(90);
    expect(new Set(days.map((d) => d.tenantId))).toEqual(new Set([globex.id]));
    const spanDays = (days.at(-1)!.day.getTime() - days[0]!.day.getTime()) / 86_400_000;
    expect(spanDays).toBe(89);
    expect(days.every((d) => d.apiCalls > 0n && d.activeUsers > 0)).toBe(true);
  });

  it("adds a demo tenant that is missing, and only that one", async () => {
    await withPlatform((tx) => tx.tenant.delete({ where: { slug: "umbrella" } }));
    const result = await seedDemo();
    expect(result.created).toBe(true);
    expect(result.apiKeys.map((k) => k.tenant)).toEqual(["umbrella"]);
    expect((await countEverything()).tenants).toBe(5);
  });
});
