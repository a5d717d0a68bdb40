import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "@/lib/db/platform";
import {
  addCustomDomain,
  type CustomDomainView,
  listCustomDomains,
  removeCustomDomain,
  verifyCustomDomain,
} from "@/lib/domains/service";
import { resolveTenantByHost } from "@/lib/tenancy/resolve";
import { startDnsServer } from "../helpers/dns-server";
import { setupTestDatabase } from "../helpers/setup-test-database";

// H6: claiming a hostname must not let one tenant squat it for others, tell
// who claimed what, or be repeated without bound.

setupTestDatabase();

const records = new Map<string, string[]>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;
const tenants = { a: "", b: "", c: "", small: "" };

beforeAll(async () => {
  dns = await startDnsServer(records);
  process.env.DNS_RESOLVER = dns.address;
  await withPlatform(async (tx) => {
    for (const [key, plan] of [
      ["a", "pro"],
      ["b", "pro"],
      ["c", "pro"],
      ["small", "basic"],
    ] as const) {
      tenants[key] = (await tx.tenant.create({ data: { slug: `claims-${key}`, name: `Claims ${key}`, plan } })).id;
    }
  });
});

afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  await dns.close();
});

/** A claim's answer with everything that must differ from claim to claim blanked out. */
function shapeOf(view: CustomDomainView) {
  return JSON.parse(
    JSON.stringify(view, (key, value: unknown) =>
      ["id", "hostname", "name", "value", "expiresAt"].includes(key) && typeof value === "string" ? "…" : value,
    ),
  ) as unknown;
}

describe("custom-domain claims", () => {
  it("H6: a pending claim does not block another tenant, whose answer is the same as for a free hostname", async () => {
    const first = await addCustomDomain(tenants.a, "shop.example.com");
    const pendingElsewhere = await addCustomDomain(tenants.b, "shop.example.com");
    const free = await addCustomDomain(tenants.b, "free-name.example.com");
    expect(pendingElsewhere).toMatchObject({ hostname: "shop.example.com", status: "pending" });
    expect(shapeOf(pendingElsewhere)).toEqual(shapeOf(free));
    expect(JSON.stringify(pendingElsewhere)).not.toContain(tenants.a);
    // The token is per (tenant, hostname).
    expect(pendingElsewhere.dns.txt.value).not.toBe(first.dns.txt.value);
    expect(await resolveTenantByHost("shop.example.com")).toBeNull();
  });

  it("H6: a token seen for one tenant never verifies another; the first to verify wins", async () => {
    const [a, b] = await Promise.all([claimOf(tenants.a, "shop.example.com"), claimOf(tenants.b, "shop.example.com")]);
    records.set("_livery.shop.example.com", [a.dns.txt.value]);
    const stolen = await verifyCustomDomain(tenants.b, b.id);
    expect(stolen).toMatchObject({ status: "pending", verifiedAt: null });
    expect(stolen.lastCheckError).toContain("not the expected value");
    expect(await resolveTenantByHost("shop.example.com")).toBeNull();

    expect(await verifyCustomDomain(tenants.a, a.id)).toMatchObject({ status: "verified" });
    expect(await resolveTenantByHost("shop.example.com")).toMatchObject({ id: tenants.a });

    // b proves control too, but a verified first: b stays pending until a's claim lapses.
    records.set("_livery.shop.example.com", [a.dns.txt.value, b.dns.txt.value]);
    const second = await verifyCustomDomain(tenants.b, b.id);
    expect(second).toMatchObject({ status: "pending", verifiedAt: null });
    expect(second.lastCheckError).toMatch(/verified for another portal/);
    expect(await resolveTenantByHost("shop.example.com")).toMatchObject({ id: tenants.a });
  });

  it("H6: a hostname verified elsewhere can still be claimed, with the same answer as any other", async () => {
    const claimed = await addCustomDomain(tenants.c, "shop.example.com");
    const free = await addCustomDomain(tenants.c, "another.example.com");
    expect(shapeOf(claimed)).toEqual(shapeOf(free));
    expect(await resolveTenantByHost("shop.example.com")).toMatchObject({ id: tenants.a });
  });

  it("H6: claims count toward the plan's customDomains limit, pending and verified alike", async () => {
    await addCustomDomain(tenants.small, "one.example.com");
    const two = await addCustomDomain(tenants.small, "two.example.com");
    await expect(addCustomDomain(tenants.small, "three.example.com")).rejects.toMatchObject({
      code: "limit_exceeded",
      status: 403,
    });
    await removeCustomDomain(tenants.small, two.id);
    await expect(addCustomDomain(tenants.small, "three.example.com")).resolves.toMatchObject({ status: "pending" });
  });

  it("H6: a burst of claims stops at the limit", async () => {
    const { id } = await withPlatform((tx) => tx.tenant.create({ data: { slug: "claims-burst", name: "Burst", plan: "pro" } }));
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => addCustomDomain(id, `burst-${i}.example.com`)),
    );
    const held = await withPlatform((tx) => tx.tenantDomain.count({ where: { tenantId: id } }));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(held).toBe(5);
  });

  it("a tenant's second claim of its own hostname is a conflict about its own domain only", async () => {
    await expect(addCustomDomain(tenants.a, "shop.example.com")).rejects.toMatchObject({ code: "conflict", status: 409 });
  });
});

async function claimOf(tenantId: string, hostname: string): Promise<CustomDomainView> {
  const found = (await listCustomDomains(tenantId)).find((d) => d.hostname === hostname);
  if (!found) throw new Error(`${hostname} is not claimed by ${tenantId}`);
  return found;
}
