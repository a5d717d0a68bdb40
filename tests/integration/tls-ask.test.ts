import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { GET } from "@/app/api/internal/tls/ask/route";
import type { Actor } from "@/lib/audit/record";
import type { Plan } from "@/lib/db/generated/prisma/enums";
import { withPlatform } from "@/lib/db/platform";
import { addCustomDomain, removeCustomDomain } from "@/lib/domains/service";
import { resetEnvCache } from "@/lib/env";
import { INTERNAL_TOKEN_HEADER, internalToken } from "@/lib/tenancy/internal-token";
import { askLookups, resetAskCache } from "@/lib/tls/ask";
import { activateTenant, suspendTenant, updateTenant } from "@/lib/tenants/service";
import { resetTenantStatus } from "@/lib/tenants/status";
import { startDnsServer } from "../helpers/dns-server";
import { claimVerified } from "../helpers/domains";
import { setupTestDatabase } from "../helpers/setup-test-database";

// The TLS edge's ask endpoint (issue 16): a certificate only for a custom
// domain that routes to an active tenant whose plan includes it; nobody but
// the edge may ask; every refusal looks the same; steady state reads no database.

setupTestDatabase();

const TOKEN = "ask-token-for-tests-0123456789abcdef";
const SYSTEM: Actor = { type: "SYSTEM", label: "test" };
const records = new Map<string, string[]>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;

beforeAll(async () => {
  dns = await startDnsServer(records);
  process.env.DNS_RESOLVER = dns.address;
  process.env.TLS_ASK_TOKEN = TOKEN;
  resetEnvCache();
});

afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  delete process.env.TLS_ASK_TOKEN;
  resetEnvCache();
  await dns.close();
});

let warnings: MockInstance<typeof console.warn>;
beforeEach(() => {
  resetAskCache();
  resetTenantStatus();
  warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warnings.mockRestore());
const logged = () => warnings.mock.calls.map((call) => String(call[0]));

/** As Caddy asks: GET on the loopback address, the token in the ask URL, `domain` added by Caddy. */
async function ask(domain: string, options: { token?: string | null; headers?: Record<string, string> } = {}) {
  const url = new URL("http://127.0.0.1:3000/api/internal/tls/ask");
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) url.searchParams.set("token", token);
  url.searchParams.set("domain", domain);
  const response = await GET(new NextRequest(url, { headers: { host: "127.0.0.1:3000", ...options.headers } }));
  return { status: response.status, body: (await response.json()) as unknown };
}

async function tenant(slug: string, plan: Plan = "pro"): Promise<string> {
  return withPlatform(async (tx) => (await tx.tenant.create({ data: { slug, name: slug, plan } })).id);
}

const verified = async (tenantId: string, hostname: string) => (await claimVerified(records, tenantId, hostname)).id;

describe("the TLS ask endpoint", () => {
  it("allows a verified custom domain of an active tenant whose plan includes custom domains", async () => {
    const id = await tenant("ask-allowed");
    await verified(id, "shop.ask-allowed.example");
    expect(await ask("shop.ask-allowed.example")).toEqual({ status: 200, body: { allowed: true } });
    // Names are compared as hosts: case and a trailing dot do not matter.
    expect((await ask("SHOP.ask-allowed.example.")).status).toBe(200);
  });

  it("refuses, with one and the same answer, a pending, foreign, plan-excluded, suspended or unknown name", async () => {
    const owner = await tenant("ask-owner");
    const other = await tenant("ask-other");
    const free = await tenant("ask-free", "free");
    const suspended = await tenant("ask-suspended");
    await addCustomDomain(owner, "pending.ask.example");
    await verified(owner, "owned.ask.example");
    await addCustomDomain(other, "owned.ask.example"); // a pending claim on a name verified elsewhere
    await verified(suspended, "suspended.ask.example");
    await suspendTenant(suspended, "testing the ask endpoint", SYSTEM);
    const freeClaim = await withPlatform((tx) =>
      tx.tenantDomain.create({
        data: { tenantId: free, hostname: "free.ask.example", state: "verified", verifiedAt: new Date(), verificationToken: "x" },
      }),
    );
    expect(freeClaim.state).toBe("verified");

    const refused = { status: 403, body: { allowed: false } };
    for (const name of [
      "pending.ask.example", // pending
      "free.ask.example", // the plan has no custom domains
      "suspended.ask.example", // the tenant is suspended
      "nobody.ask.example", // never claimed
      "ask-owner.localhost", // a subdomain: the wildcard certificate covers it
      "localhost", // the platform host
      "127.0.0.1",
      "",
    ]) {
      expect(await ask(name), name).toEqual(refused);
    }
    // Each refusal the database decided is logged once, with its reason.
    expect(logged()).toEqual(
      expect.arrayContaining([
        "[tls] no certificate for pending.ask.example: not_routed",
        "[tls] no certificate for free.ask.example: not_routed",
        "[tls] no certificate for suspended.ask.example: suspended",
      ]),
    );
    // The foreign pending claim does not take the name from its owner.
    expect((await ask("owned.ask.example")).status).toBe(200);
  });

  it("answers nobody but the edge: no token, a wrong token, the middleware's header token, or no TLS_ASK_TOKEN at all", async () => {
    const id = await tenant("ask-guard");
    await verified(id, "guard.ask.example");
    const notFound = { status: 404 };
    expect(await ask("guard.ask.example", { token: null })).toMatchObject(notFound);
    expect(await ask("guard.ask.example", { token: `${TOKEN}x` })).toMatchObject(notFound);
    expect(await ask("guard.ask.example", { token: TOKEN.slice(0, -1) })).toMatchObject(notFound);
    const middleware = await internalToken(process.env.NEXTAUTH_SECRET ?? "x".repeat(32));
    expect(
      await ask("guard.ask.example", {
        token: null,
        headers: { [INTERNAL_TOKEN_HEADER]: middleware, "x-forwarded-for": "127.0.0.1" },
      }),
    ).toMatchObject(notFound);
    delete process.env.TLS_ASK_TOKEN;
    resetEnvCache();
    try {
      expect(await ask("guard.ask.example")).toMatchObject(notFound);
      expect(await ask("guard.ask.example", { token: "" })).toMatchObject(notFound);
    } finally {
      process.env.TLS_ASK_TOKEN = TOKEN;
      resetEnvCache();
    }
    expect((await ask("guard.ask.example")).status).toBe(200);
  });

  it("reads no database in steady state, and a removal, suspension or downgrade takes effect at once", async () => {
    const id = await tenant("ask-cache");
    const domainId = await verified(id, "cache.ask.example");
    const second = await verified(id, "second.ask.example");
    expect((await ask("cache.ask.example")).status).toBe(200);
    expect((await ask("stranger.ask.example")).status).toBe(403);
    const before = askLookups();
    for (let i = 0; i < 50; i++) {
      expect((await ask("cache.ask.example")).status).toBe(200);
      expect((await ask("stranger.ask.example")).status).toBe(403);
    }
    expect(askLookups() - before).toBe(0);

    await suspendTenant(id, "testing the ask endpoint", SYSTEM);
    expect((await ask("cache.ask.example")).status).toBe(403);
    await activateTenant(id, SYSTEM);
    expect((await ask("cache.ask.example")).status).toBe(200);
    await updateTenant(id, { plan: "free" }, SYSTEM);
    expect((await ask("cache.ask.example")).status).toBe(403);
    await updateTenant(id, { plan: "pro" }, SYSTEM);
    expect((await ask("cache.ask.example")).status).toBe(200);
    await removeCustomDomain(id, domainId, SYSTEM);
    expect((await ask("cache.ask.example")).status).toBe(403);
    expect((await ask("second.ask.example")).status).toBe(200);
    expect(second).toBeTruthy();
  });

  it("never fails on a hostile name: every answer is 200 for the one allowed name or the same 403", async () => {
    const id = await tenant("ask-fuzz");
    await verified(id, "fuzz.ask.example");
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.constantFrom(
        "fuzz.ask.example:443",
        "fuzz.ask.example/../x",
        "[::1]",
        "xn--80ak6aa92e.com",
        "*.ask.example",
        "fuzz.ask.example\u0000.evil",
        "a".repeat(300),
        "%66uzz.ask.example",
      ),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (name) => {
        const { status, body } = await ask(name);
        expect([200, 403]).toContain(status);
        if (status === 200) expect(name.toLowerCase().replace(/\.$/, "")).toMatch(/^fuzz\.ask\.example(:443)?$/);
        else expect(body).toEqual({ allowed: false });
      }),
      { numRuns: 200, seed: 16 },
    );
  });
});
