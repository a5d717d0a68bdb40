import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as remove } from "@/app/api/v1/tenants/[id]/domains/[domainId]/route";
import { POST as verify } from "@/app/api/v1/tenants/[id]/domains/[domainId]/verify/route";
import { GET as list, POST as add } from "@/app/api/v1/tenants/[id]/domains/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, createTestApiKey } from "../helpers/api";
import { startDnsServer } from "../helpers/dns-server";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

const records = new Map<string, string[]>();
let dns: Awaited<ReturnType<typeof startDnsServer>>;
let pro = "";
let basic = "";
let free = "";
let proKey: { id: string; secret: string };
let proReader: string;
let proContentOnly: string;
let basicKey: string;
let freeKey: string;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

beforeAll(async () => {
  dns = await startDnsServer(records);
  process.env.DNS_RESOLVER = dns.address;
  await withPlatform(async (tx) => {
    pro = (await tx.tenant.create({ data: { slug: "dom-pro", name: "Pro", plan: "pro" } })).id;
    basic = (await tx.tenant.create({ data: { slug: "dom-basic", name: "Basic", plan: "basic" } })).id;
    free = (await tx.tenant.create({ data: { slug: "dom-free", name: "Free", plan: "free" } })).id;
  });
  proKey = await createTestApiKey(pro, ["read:config", "write:config"], { name: "deploy bot" });
  proReader = (await createTestApiKey(pro, ["read:config"])).secret;
  proContentOnly = (await createTestApiKey(pro, ["read:content", "write:content"])).secret;
  basicKey = (await createTestApiKey(basic, ["read:config", "write:config"])).secret;
  freeKey = (await createTestApiKey(free, ["read:config", "write:config"])).secret;
});

afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  await dns.close();
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

const listOf = (tenantId: string, key: string) =>
  call(list, "GET", `/tenants/${tenantId}/domains`, { key, params: { id: tenantId } });
const addTo = (tenantId: string, key: string, body: unknown) =>
  call(add, "POST", `/tenants/${tenantId}/domains`, { key, params: { id: tenantId }, body });
const verifyOf = (tenantId: string, domainId: string, key: string) =>
  call(verify, "POST", `/tenants/${tenantId}/domains/${domainId}/verify`, { key, params: { id: tenantId, domainId } });
const removeOf = (tenantId: string, domainId: string, key: string) =>
  call(remove, "DELETE", `/tenants/${tenantId}/domains/${domainId}`, { key, params: { id: tenantId, domainId } });

/** Everything a domain request may change. */
async function state(tenantId: string) {
  return withTenant(tenantId, async (tx) => ({
    domains: await tx.tenantDomain.findMany({ orderBy: { id: "asc" } }),
    audits: await tx.auditLog.count(),
  }));
}

describe("custom domains over the API", () => {
  let domainId = "";

  it("claims a domain pending (201), with the records to create and a date to verify by, audited with the key", async () => {
    const res = await addTo(pro, proKey.secret, { hostname: "Portal.Example.COM." });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      hostname: "portal.example.com",
      status: "pending",
      verifiedAt: null,
      expiresAt: expect.stringMatching(ISO),
      lastCheckedAt: null,
      lastCheckError: null,
      dns: {
        txt: { name: "_livery.portal.example.com", value: expect.stringMatching(/^livery-verify=[0-9a-f]{32}$/) },
        cname: { name: "portal.example.com", value: "localhost" },
        records: [
          {
            type: "TXT",
            name: "_livery.portal.example.com",
            value: expect.stringMatching(/^livery-verify=/),
            purpose: expect.any(String),
          },
          // No EDGE_HOSTNAME here: ROOT_DOMAIN is where the edge answers.
          { type: "CNAME", name: "portal.example.com", value: "localhost", purpose: expect.any(String) },
        ],
      },
      routing: null,
      edge: { allowed: false, refusal: "not_verified", lastAskedAt: null, certificate: null },
    });
    domainId = res.body.id;
    const audit = await withTenant(pro, (tx) => tx.auditLog.findFirst({ where: { targetId: domainId } }));
    expect(audit).toMatchObject({
      action: "domain.added",
      actorId: proKey.id,
      actorLabel: expect.stringContaining("deploy bot"),
    });
  });

  it("lists the tenant's domains", async () => {
    const res = await listOf(pro, proReader);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data.map((d: { id: string; hostname: string }) => [d.id, d.hostname])).toEqual([
      [domainId, "portal.example.com"],
    ]);
    expect((await listOf("current", basicKey)).body).toEqual({ data: [], nextCursor: null });
  });

  it("verifies against DNS: pending with the reason, then verified, dates as ISO strings", async () => {
    const missing = await verifyOf(pro, domainId, proKey.secret);
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({
      status: "pending",
      verifiedAt: null,
      lastCheckError: "No TXT record found at _livery.portal.example.com.",
      lastCheckedAt: expect.stringMatching(ISO),
    });
    records.set("_livery.portal.example.com", [missing.body.dns.txt.value]);
    const verified = await verifyOf(pro, domainId, proKey.secret);
    expect(verified.body).toMatchObject({
      status: "verified",
      lastCheckError: null,
      verifiedAt: expect.stringMatching(ISO),
      expiresAt: null,
      // The test DNS server has no CNAME or address for the name itself.
      routing: { records: "no CNAME, A or AAAA record", toEdge: false },
      edge: { allowed: true, refusal: null, lastAskedAt: null },
    });
    const listed = (await listOf(pro, proReader)).body.data[0];
    expect(listed).toMatchObject({ status: "verified", verifiedAt: verified.body.verifiedAt });
    const actions = await withTenant(pro, (tx) =>
      tx.auditLog.findMany({ where: { targetId: domainId }, orderBy: { createdAt: "asc" }, select: { action: true } }),
    );
    expect(actions.map((a) => a.action)).toEqual(["domain.added", "domain.verification_failed", "domain.verified"]);
  });

  it("H6: claims a hostname another tenant verified like any other (201 pending), telling nothing about it", async () => {
    const taken = await addTo(basic, basicKey, { hostname: "portal.example.com" });
    const unclaimed = await addTo(basic, basicKey, { hostname: "unclaimed.example.com" });
    expect([taken.status, unclaimed.status]).toEqual([201, 201]);
    const shape = (body: Record<string, unknown>) => Object.entries(body).map(([k, v]) => [k, v === null ? null : typeof v]);
    expect(shape(taken.body)).toEqual(shape(unclaimed.body));
    expect(taken.body).toMatchObject({ status: "pending", verifiedAt: null });
    expect(JSON.stringify(taken.body)).not.toContain(pro);
    expect((await listOf(pro, proReader)).body.data[0]).toMatchObject({ id: domainId, status: "verified" });
  });

  it("H6: a claim over the plan's customDomains limit is 403 limit_exceeded, creating nothing", async () => {
    const before = await state(basic);
    const res = await addTo(basic, basicKey, { hostname: "third.example.com" });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "limit_exceeded", message: expect.stringContaining("allows 2") });
    expect(await state(basic)).toEqual(before);
  });

  it("refuses the tenant's own live hostname again: 409 about its own domain, nothing created", async () => {
    const before = await state(pro);
    const res = await addTo(pro, proKey.secret, { hostname: "portal.example.com" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", details: [{ path: ["hostname"], message: "is already added" }] });
    expect(await state(pro)).toEqual(before);
  });

  it.each([
    ["a missing hostname", {}],
    ["not a domain", { hostname: "not a domain" }],
    ["an IP address", { hostname: "10.0.0.1" }],
    ["a URL", { hostname: "https://portal.example.com/" }],
    ["a name under the platform's domain", { hostname: "acme.localhost" }],
    ["a number", { hostname: 42 }],
  ])("refuses %s with 422 on hostname, creating nothing", async (_, body) => {
    const before = await state(pro);
    const res = await addTo(pro, proKey.secret, body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { path: string[] }) => d.path)).toEqual([["hostname"]]);
    expect(await state(pro)).toEqual(before);
  });

  it("need a plan with custom domains, to claim and to verify (403 plan_required), changing nothing", async () => {
    const before = await state(free);
    const res = await addTo(free, freeKey, { hostname: "free.example.com" });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "plan_required", message: "Custom domains need the basic plan or higher." });
    expect(await state(free)).toEqual(before);

    // A domain kept from a bigger plan can be listed and removed, but not verified into routing.
    const kept = await withPlatform((tx) =>
      tx.tenantDomain.create({
        data: { tenantId: free, hostname: "kept.example.com", verificationToken: "t", expiresAt: new Date(Date.now() + 60_000) },
      }),
    );
    records.set("_livery.kept.example.com", ["t"]);
    const check = await verifyOf(free, kept.id, freeKey);
    expect(check).toMatchObject({ status: 403, body: { error: { code: "plan_required" } } });
    expect((await withPlatform((tx) => tx.tenantDomain.findUnique({ where: { id: kept.id } })))?.verifiedAt).toBeNull();
    expect((await listOf(free, freeKey)).body.data).toHaveLength(1);
    expect((await removeOf(free, kept.id, freeKey)).status).toBe(204);
  });

  it.each([
    ["another tenant's domain", () => domainId, () => basic, () => basicKey],
    ["an unknown domain", () => "00000000-0000-4000-8000-000000000000", () => pro, () => proKey.secret],
    ["a malformed domain id", () => "nope", () => pro, () => proKey.secret],
    ["another tenant in the path", () => domainId, () => pro, () => basicKey],
  ])("%s is 404 on verify and remove, and nothing changes", async (_, id, tenantId, key) => {
    const before = [await state(pro), await state(basic)];
    const responses = [await verifyOf(tenantId(), id(), key()), await removeOf(tenantId(), id(), key())];
    expect(responses.map((r) => [r.status, r.body.error.code])).toEqual([
      [404, "not_found"],
      [404, "not_found"],
    ]);
    expect(JSON.stringify(responses)).not.toContain("portal.example.com");
    expect([await state(pro), await state(basic)]).toEqual(before);
  });

  it("another tenant's id in the list path is 404", async () => {
    const res = await listOf(pro, basicKey);
    expect(res).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it.each([
    ["GET list", () => listOf(pro, "")],
    ["POST add", () => addTo(pro, "", { hostname: "x.example.com" })],
    ["POST verify", () => verifyOf(pro, domainId, "")],
    ["DELETE", () => removeOf(pro, domainId, "")],
  ])("%s without a credential → 401", async (_, request) => {
    const before = await state(pro);
    expect((await request()).body.error.code).toBe("unauthenticated");
    expect(await state(pro)).toEqual(before);
  });

  it.each([
    ["GET list without read:config", () => listOf(pro, proContentOnly), "read:config"],
    ["POST add without write:config", () => addTo(pro, proReader, { hostname: "x.example.com" }), "write:config"],
    ["POST verify without write:config", () => verifyOf(pro, domainId, proReader), "write:config"],
    ["DELETE without write:config", () => removeOf(pro, domainId, proReader), "write:config"],
  ])("%s → 403 insufficient_permissions, nothing changes", async (_, request, permission) => {
    const before = await state(pro);
    const res = await request();
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "insufficient_permissions", message: expect.stringContaining(permission) });
    expect(await state(pro)).toEqual(before);
  });

  it("removes a domain: 204, gone from the list, audited", async () => {
    const res = await removeOf(pro, domainId, proKey.secret);
    expect(res.status).toBe(204);
    expect((await listOf(pro, proReader)).body.data).toEqual([]);
    const audit = await withTenant(pro, (tx) =>
      tx.auditLog.findFirst({ where: { targetId: domainId, action: "domain.removed" } }),
    );
    expect(audit?.metadata).toMatchObject({ hostname: "portal.example.com" });
  });
});
