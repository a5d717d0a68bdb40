import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "@/lib/db/platform";
import { addCustomDomain, type CustomDomainView, listCustomDomains, verifyCustomDomain } from "@/lib/domains/service";
import { DOMAIN_TIMING } from "@/lib/domains/states";
import { runDomainSweep } from "@/lib/domains/sweep";
import { resolveTenantByHost } from "@/lib/tenancy/resolve";
import { startDnsServer } from "../helpers/dns-server";
import { claimVerified } from "../helpers/domains";
import { setupTestDatabase } from "../helpers/setup-test-database";

// H6: the domain state machine, driven by the background sweep called
// directly with the time it should believe (no timers, no job queue).

setupTestDatabase();

const HOUR = 3_600_000;
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

async function tenant(slug: string, plan: "basic" | "pro" = "pro"): Promise<string> {
  return (await withPlatform((tx) => tx.tenant.create({ data: { slug, name: slug, plan } }))).id;
}

async function domainOf(tenantId: string, hostname: string): Promise<CustomDomainView> {
  const found = (await listCustomDomains(tenantId)).find((d) => d.hostname === hostname);
  if (!found) throw new Error(`${hostname} is not claimed`);
  return found;
}

const verified = (tenantId: string, hostname: string) => claimVerified(records, tenantId, hostname);

const later = (ms: number) => new Date(Date.now() + ms);

describe("the domain lifecycle", () => {
  it("H6: a pending claim expires after its window, stops counting toward the limit, and can be claimed again", async () => {
    const id = await tenant("life-expiry", "basic");
    await addCustomDomain(id, "one.expiry.example.com");
    await addCustomDomain(id, "two.expiry.example.com");
    await expect(addCustomDomain(id, "three.expiry.example.com")).rejects.toMatchObject({ code: "limit_exceeded" });

    await runDomainSweep(later(DOMAIN_TIMING.pendingClaimMs - HOUR));
    expect((await domainOf(id, "one.expiry.example.com")).status).toBe("pending");

    await runDomainSweep(later(DOMAIN_TIMING.pendingClaimMs + HOUR));
    expect((await listCustomDomains(id)).map((d) => d.status)).toEqual(["expired", "expired"]);
    await expect(addCustomDomain(id, "three.expiry.example.com")).resolves.toMatchObject({ status: "pending" });
    const renewed = await addCustomDomain(id, "one.expiry.example.com");
    expect(renewed).toMatchObject({ status: "pending", hostname: "one.expiry.example.com" });
    expect(renewed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + DOMAIN_TIMING.pendingClaimMs - HOUR);
  });

  it("H6: a verified domain whose TXT record is gone is lapsing (still routes), then lapsed (stops routing)", async () => {
    const id = await tenant("life-lapse");
    await verified(id, "lapse.example.com");
    records.delete("_livery.lapse.example.com");

    // Not due yet: the sweep leaves a freshly verified domain alone.
    await runDomainSweep(later(HOUR));
    expect((await domainOf(id, "lapse.example.com")).status).toBe("verified");

    await runDomainSweep(later(DOMAIN_TIMING.recheckMs + HOUR));
    const lapsing = await domainOf(id, "lapse.example.com");
    expect(lapsing).toMatchObject({ status: "lapsing", lastCheckError: expect.stringMatching(/No TXT record/) });
    expect(await resolveTenantByHost("lapse.example.com")).toMatchObject({ id });

    await runDomainSweep(later(DOMAIN_TIMING.recheckMs + DOMAIN_TIMING.graceMs + 2 * HOUR));
    expect((await domainOf(id, "lapse.example.com")).status).toBe("lapsed");
    expect(await resolveTenantByHost("lapse.example.com")).toBeNull();
  });

  it("H6: a passing re-check returns a lapsing domain to verified", async () => {
    const id = await tenant("life-restore");
    const domain = await verified(id, "restore.example.com");
    records.delete("_livery.restore.example.com");
    await runDomainSweep(later(DOMAIN_TIMING.recheckMs + HOUR));
    expect((await domainOf(id, "restore.example.com")).status).toBe("lapsing");

    records.set("_livery.restore.example.com", [domain.dns.txt.value]);
    await runDomainSweep(later(DOMAIN_TIMING.recheckMs + 3 * HOUR));
    expect(await domainOf(id, "restore.example.com")).toMatchObject({ status: "verified", lastCheckError: null });
  });

  it("H6: a hostname verified elsewhere verifies only once the other claim has lapsed", async () => {
    const [first, second] = [await tenant("life-first"), await tenant("life-second")];
    await verified(first, "contested.example.com");
    const claim = await addCustomDomain(second, "contested.example.com");
    records.set("_livery.contested.example.com", [claim.dns.txt.value]);
    expect((await verifyCustomDomain(second, claim.id)).status).toBe("pending");

    // The proof brought the first claim's re-check forward: the next sweep finds its record gone.
    await runDomainSweep(later(HOUR));
    expect((await domainOf(first, "contested.example.com")).status).toBe("lapsing");
    expect((await verifyCustomDomain(second, claim.id)).status).toBe("pending");
    expect(await resolveTenantByHost("contested.example.com")).toMatchObject({ id: first });

    // The second claim outlives the first one's grace period, and wins once it is over.
    await runDomainSweep(later(DOMAIN_TIMING.graceMs + 2 * HOUR));
    expect((await domainOf(second, "contested.example.com")).status).toBe("pending");
    expect((await domainOf(first, "contested.example.com")).status).toBe("lapsed");
    expect((await verifyCustomDomain(second, claim.id)).status).toBe("verified");
    expect(await resolveTenantByHost("contested.example.com")).toMatchObject({ id: second });
  });

  it("H6: sweeps for the same moment are idempotent: a second one changes nothing", async () => {
    const id = await tenant("life-idempotent");
    await verified(id, "twice.example.com");
    records.delete("_livery.twice.example.com");
    const at = later(DOMAIN_TIMING.recheckMs + HOUR);
    await Promise.all([runDomainSweep(at), runDomainSweep(at)]);
    await runDomainSweep(at);
    const transitions = await withPlatform((tx) =>
      tx.auditLog.findMany({ where: { tenantId: id, action: { startsWith: "domain." } }, select: { action: true } }),
    );
    expect(transitions.map((t) => t.action).sort()).toEqual(["domain.added", "domain.lapsing", "domain.verified"]);
  });
});
