import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/audit/record";
import { getTenantBrand, loadTenantBrand } from "@/lib/branding/brand";
import { updateTenantConfig } from "@/lib/config/service";
import { withPlatform } from "@/lib/db/platform";
import { GET as tenantInfo } from "@/app/api/v1/tenants/current/info/route";
import { addCustomDomain, removeCustomDomain, verifyCustomDomain } from "@/lib/domains/service";
import { resolveTenantByHost } from "@/lib/tenancy/resolve";
import { updateTenant } from "@/lib/tenants/service";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, createTestApiKey } from "../helpers/api";
import { startDnsServer } from "../helpers/dns-server";
import { setupTestDatabase } from "../helpers/setup-test-database";

// H9: what a plan or a feature switch takes away stops being served, at
// once, through every cache in between.

// Next's data cache, as it behaves in a server: kept until its tag is revalidated.
const cache = vi.hoisted(() => new Map<string, { value: unknown; tags: string[] }>());
vi.mock("next/cache", () => ({
  unstable_cache:
    <R>(fn: () => Promise<R>, keyParts: string[], options?: { tags?: string[] }) =>
    async (): Promise<R> => {
      const key = JSON.stringify(keyParts);
      const hit = cache.get(key);
      if (hit) return hit.value as R;
      const value = await fn();
      cache.set(key, { value, tags: options?.tags ?? [] });
      return value;
    },
  revalidateTag: (tag: string) => {
    for (const [key, entry] of cache) if (entry.tags.includes(tag)) cache.delete(key);
  },
  revalidatePath: () => {},
}));

setupTestDatabase();

const SYSTEM: Actor = { type: "SYSTEM", label: "test" };
const CSS = ".tenant-hero { color: rebeccapurple }";
const records = new Map<string, string[]>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;

beforeAll(async () => {
  dns = await startDnsServer(records);
  process.env.DNS_RESOLVER = dns.address;
});

afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  await dns.close();
});

beforeEach(() => {
  cache.clear();
  resetTenantStatus();
});

async function proTenant(slug: string): Promise<string> {
  return withPlatform(async (tx) => {
    const tenant = await tx.tenant.create({ data: { slug, name: slug, plan: "pro" } });
    await tx.tenantConfig.create({ data: { tenantId: tenant.id, branding: { customCss: CSS } } });
    return tenant.id;
  });
}

async function verifiedDomain(tenantId: string, hostname: string): Promise<string> {
  const claim = await addCustomDomain(tenantId, hostname);
  records.set(`_livery.${hostname}`, [claim.dns.txt.value]);
  expect((await verifyCustomDomain(tenantId, claim.id)).status).toBe("verified");
  return claim.id;
}

describe("plan gates when serving", () => {
  it("H9: a verified custom domain stops routing when the plan no longer allows custom domains", async () => {
    const id = await proTenant("gates-downgrade");
    await verifiedDomain(id, "downgrade.example.com");
    expect(await resolveTenantByHost("downgrade.example.com")).toMatchObject({ id });

    await updateTenant(id, { plan: "free" }, SYSTEM);
    expect(await resolveTenantByHost("downgrade.example.com")).toBeNull();
    // The subdomain still serves the tenant; only the custom domain is gated.
    expect(await resolveTenantByHost("gates-downgrade.localhost")).toMatchObject({ id });

    await updateTenant(id, { plan: "pro" }, SYSTEM);
    expect(await resolveTenantByHost("downgrade.example.com")).toMatchObject({ id });
  });

  it("H9: a limit override of 0 custom domains stops routing too", async () => {
    const id = await proTenant("gates-override");
    await verifiedDomain(id, "override.example.com");
    await updateTenant(id, { limits: { customDomains: 0 } }, SYSTEM);
    expect(await resolveTenantByHost("override.example.com")).toBeNull();
  });

  it("H9: after a downgrade below the number held, only the earliest verified domains route, up to the limit", async () => {
    const id = await proTenant("gates-over");
    for (const name of ["first", "second", "third"]) await verifiedDomain(id, `${name}.over.example.com`);
    await updateTenant(id, { limits: { customDomains: 2 } }, SYSTEM);
    expect(await resolveTenantByHost("first.over.example.com")).toMatchObject({ id });
    expect(await resolveTenantByHost("second.over.example.com")).toMatchObject({ id });
    expect(await resolveTenantByHost("third.over.example.com")).toBeNull();
  });

  it("the Node layer stops a removed or downgraded custom domain on the next request, whatever the middleware's directory still holds", async () => {
    const id = await proTenant("gates-next-request");
    const domainId = await verifiedDomain(id, "next.example.com");
    const key = await createTestApiKey(id, ["read:config"]);
    // As the middleware passes a request it resolved (from its directory) to this tenant on the custom domain.
    const onDomain = { host: { id, slug: "gates-next-request" }, key: key.secret, headers: { host: "next.example.com" } };
    expect((await call(tenantInfo, "GET", "/tenants/current/info", onDomain)).status).toBe(200);

    await updateTenant(id, { plan: "free" }, SYSTEM);
    const downgraded = await call(tenantInfo, "GET", "/tenants/current/info", onDomain);
    expect(downgraded.status).toBe(404);
    expect(downgraded.body.error.code).toBe("tenant_not_found");
    await updateTenant(id, { plan: "pro" }, SYSTEM);
    expect((await call(tenantInfo, "GET", "/tenants/current/info", onDomain)).status).toBe(200);

    await removeCustomDomain(id, domainId, SYSTEM);
    expect((await call(tenantInfo, "GET", "/tenants/current/info", onDomain)).status).toBe(404);
    // The subdomain keeps serving the tenant.
    const onSubdomain = { host: { id, slug: "gates-next-request" }, key: key.secret };
    expect((await call(tenantInfo, "GET", "/tenants/current/info", onSubdomain)).status).toBe(200);
  });

  it("H9: turning the custom CSS feature off stops the tenant's CSS", async () => {
    const id = await proTenant("gates-toggle");
    expect((await loadTenantBrand(id))?.customCss).toContain("rebeccapurple");
    await updateTenantConfig(id, { features: { customCss: false } }, SYSTEM, { mayChangeLimits: false });
    expect((await loadTenantBrand(id))?.customCss).toBe("");
    expect((await getTenantBrand(id))?.customCss).toBe("");
  });

  it("H9: a plan downgrade reaches the cached brand at once", async () => {
    const id = await proTenant("gates-cached");
    expect((await getTenantBrand(id))?.customCss).toContain("rebeccapurple");
    await updateTenant(id, { plan: "basic" }, SYSTEM);
    expect((await getTenantBrand(id))?.customCss).toBe("");
    await updateTenant(id, { plan: "pro" }, SYSTEM);
    expect((await getTenantBrand(id))?.customCss).toContain("rebeccapurple");
  });
});
