import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "@/lib/db/platform";
import { addCustomDomain, listCustomDomains, removeCustomDomain, verifyCustomDomain } from "@/lib/domains/service";
import { resolveTenantByHost } from "@/lib/tenancy/resolve";
import { startDnsServer } from "../helpers/dns-server";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

const records = new Map<string, string[]>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let pro = "";
let other = "";
let free = "";

beforeAll(async () => {
  dns = await startDnsServer(records);
  process.env.DNS_RESOLVER = dns.address;
  await withPlatform(async (tx) => {
    pro = (await tx.tenant.create({ data: { slug: "dom-pro", name: "Pro", plan: "pro" } })).id;
    other = (await tx.tenant.create({ data: { slug: "dom-other", name: "Other", plan: "basic" } })).id;
    free = (await tx.tenant.create({ data: { slug: "dom-free", name: "Free", plan: "free" } })).id;
  });
});

afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  await dns.close();
});

describe("custom domains", () => {
  it("are claimed pending, with the DNS records to create and a date to verify by, and do not route yet", async () => {
    const domain = await addCustomDomain(pro, "WWW.Portal.Example.COM.");
    expect(domain).toMatchObject({ hostname: "portal.example.com", status: "pending", verifiedAt: null });
    expect(domain.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
    expect(domain.dns.txt).toEqual({
      name: "_livery.portal.example.com",
      value: expect.stringMatching(/^livery-verify=[0-9a-f]{32}$/),
    });
    expect(domain.dns.cname).toEqual({ name: "portal.example.com", value: "localhost" });
    expect(await resolveTenantByHost("portal.example.com")).toBeNull();
  });

  it("stay pending, with the reason, when the TXT record is missing or wrong", async () => {
    const [domain] = await listCustomDomains(pro);
    const missing = await verifyCustomDomain(pro, domain!.id);
    expect(missing).toMatchObject({ status: "pending", lastCheckError: "No TXT record found at _livery.portal.example.com." });
    expect(missing.lastCheckedAt).toBeInstanceOf(Date);

    records.set("_livery.portal.example.com", ["livery-verify=somebody-else"]);
    const wrong = await verifyCustomDomain(pro, domain!.id);
    expect(wrong.status).toBe("pending");
    expect(wrong.lastCheckError).toContain('"livery-verify=somebody-else", not the expected value');
    expect(await resolveTenantByHost("portal.example.com")).toBeNull();
  });

  it("verify against the DNS server and then route to their tenant", async () => {
    const [domain] = await listCustomDomains(pro);
    records.set("_livery.portal.example.com", ["unrelated", domain!.dns.txt.value]);
    const verified = await verifyCustomDomain(pro, domain!.id);
    expect(verified).toMatchObject({ status: "verified", lastCheckError: null, expiresAt: null });
    expect(await resolveTenantByHost("portal.example.com:443")).toMatchObject({ id: pro, slug: "dom-pro" });
  });

  it("are lapsing after a failed check: still routing until a date to fix DNS by, the failure reported", async () => {
    const [domain] = await listCustomDomains(pro);
    records.delete("_livery.portal.example.com");
    const rechecked = await verifyCustomDomain(pro, domain!.id);
    expect(rechecked.status).toBe("lapsing");
    expect(rechecked.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
    expect(rechecked.lastCheckError).toMatch(/No TXT record/);
    expect(await resolveTenantByHost("portal.example.com")).toMatchObject({ id: pro });

    records.set("_livery.portal.example.com", [domain!.dns.txt.value]);
    expect(await verifyCustomDomain(pro, domain!.id)).toMatchObject({ status: "verified", expiresAt: null });
  });

  it("route to one tenant only: another tenant's claim of a routed hostname stays pending", async () => {
    const claim = await addCustomDomain(other, "portal.example.com");
    expect(claim.status).toBe("pending");
    expect(await resolveTenantByHost("portal.example.com")).toMatchObject({ id: pro });
    await removeCustomDomain(other, claim.id);
  });

  it("are invisible to other tenants", async () => {
    const [domain] = await listCustomDomains(pro);
    expect(await listCustomDomains(other)).toEqual([]);
    await expect(verifyCustomDomain(other, domain!.id)).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(removeCustomDomain(other, domain!.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listCustomDomains(pro)).toHaveLength(1);
  });

  it.each([
    ["not a domain", "validation_failed"],
    ["localhost", "validation_failed"],
    ["acme.localhost", "validation_failed"],
    ["10.0.0.1", "validation_failed"],
    ["https://portal.example.com/", "validation_failed"],
  ])("refuse %j (%s)", async (hostname, code) => {
    await expect(addCustomDomain(pro, hostname)).rejects.toMatchObject({ code, status: 422 });
  });

  it("need a plan that includes them", async () => {
    await expect(addCustomDomain(free, "free.example.com")).rejects.toMatchObject({
      code: "plan_required",
      message: "Custom domains need the basic plan or higher.",
    });
  });

  it("stop routing when removed", async () => {
    const [domain] = await listCustomDomains(pro);
    await removeCustomDomain(pro, domain!.id);
    expect(await resolveTenantByHost("portal.example.com")).toBeNull();
  });
});
