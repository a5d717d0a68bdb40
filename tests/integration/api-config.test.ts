import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/v1/tenants/[id]/config/route";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import { withPlatform } from "@/lib/db/platform";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { PLAN_DEFAULTS } from "@/lib/tenants/plans";
import { resetTenantStatus } from "@/lib/tenants/status";
import { call, createTestApiKey, createTestPlatformKey, sessionCookie } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

type T = { id: string; slug: string };
let acme: T; // pro
let globex: T; // free
let initech: T; // pro, for the IP allowlist
let acmeWriter: string;
let acmeReader: string;
let globexWriter: string;
let initechWriter: string;
let platformKey: string;

const FULL = ["read:config", "write:config"] as const;

beforeAll(async () => {
  [acme, globex, initech] = await withPlatform(async (tx) => [
    await tx.tenant.create({ data: { slug: "acme", name: "Acme", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "free" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "initech", name: "Initech", plan: "pro" }, select: { id: true, slug: true } }),
  ]);
  acmeWriter = (await createTestApiKey(acme.id, FULL)).secret;
  acmeReader = (await createTestApiKey(acme.id, ["read:config"])).secret;
  globexWriter = (await createTestApiKey(globex.id, FULL)).secret;
  initechWriter = (await createTestApiKey(initech.id, FULL)).secret;
  platformKey = await createTestPlatformKey();
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

const path = (id = "current") => `/tenants/${id}/config`;
const get = (key: string, id = "current") => call(GET, "GET", path(id), { key, params: { id } });
const patch = (key: string, body: unknown, id = "current") => call(PATCH, "PATCH", path(id), { key, params: { id }, body });

/** Everything a refused PATCH must leave alone. */
function stateOf(tenantId: string) {
  return withPlatform(async (tx) => ({
    config: await tx.tenantConfig.findUnique({ where: { tenantId }, omit: { updatedAt: true } }),
    audit: await tx.auditLog.count({ where: { tenantId } }),
  }));
}

function lastAudit(tenantId: string) {
  return withPlatform((tx) => tx.auditLog.findFirst({ where: { tenantId }, orderBy: { createdAt: "desc" } }));
}

describe("GET /tenants/{id}/config", () => {
  it("shows every section, empty when unset, and what takes effect on the plan", async () => {
    const res = await get(globexWriter);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      branding: {},
      features: {},
      limits: {},
      security: {},
      payment: {},
      effective: {
        features: { nft: false, bonds: false, fractionalization: false, customCss: false },
        limits: PLAN_DEFAULTS.free.limits,
      },
    });
  });

  it("answers for the tenant's own id as for `current`", async () => {
    const res = await get(acmeReader, acme.id);
    expect(res.status).toBe(200);
    expect(res.body.effective.features).toMatchObject({ nft: true, fractionalization: false });
  });

  it.each([
    ["no credential", () => call(GET, "GET", path(), { params: { id: "current" } }), 401, "unauthenticated"],
    [
      "a key without read:config",
      async () => get((await createTestApiKey(acme.id, ["read:keys"])).secret),
      403,
      "insufficient_permissions",
    ],
    ["another tenant's id", () => get(acmeReader, globex.id), 404, "not_found"],
  ])("%s → %i %s", async (_, request, status, code) => {
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });
});

describe("PATCH /tenants/{id}/config", () => {
  it("deep-merges, audits the change, and the next request sees the new brand", async () => {
    expect((await call(info, "GET", "/tenants/current/info", { key: acmeReader })).body.branding).toEqual({});
    const first = await patch(acmeWriter, { branding: { primaryColor: "#1d4ed8", accentColor: "#0f766e" } });
    expect(first.status).toBe(200);
    const res = await patch(acmeWriter, { branding: { accentColor: "#7c3aed" }, features: { nft: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      branding: { primaryColor: "#1d4ed8", accentColor: "#7c3aed" },
      features: { nft: false },
      effective: { features: { nft: false, bonds: true } },
      warnings: [],
    });
    expect((await get(acmeReader)).body.branding).toEqual({ primaryColor: "#1d4ed8", accentColor: "#7c3aed" });

    const audit = await lastAudit(acme.id);
    expect(audit).toMatchObject({ action: "config.updated", actorType: "TENANT_API_KEY", targetId: acme.id });
    expect(audit?.metadata).toEqual({
      changes: {
        "branding.accentColor": { before: "#0f766e", after: "#7c3aed" },
        "features.nft": { before: null, after: false },
      },
    });

    const now = await call(info, "GET", "/tenants/current/info", { key: acmeReader });
    expect(now.body.branding).toEqual({ primaryColor: "#1d4ed8", accentColor: "#7c3aed" });
    expect(now.body.features.nft).toBe(false);
  });

  it("removes a key set to null, and changes nothing (not even the audit log) for a no-op", async () => {
    await patch(acmeWriter, { payment: { currency: "EUR", provider: "manual" } });
    const res = await patch(acmeWriter, { payment: { currency: null } });
    expect(res.body.payment).toEqual({ provider: "manual" });
    const before = await stateOf(acme.id);
    const again = await patch(acmeWriter, { payment: { currency: null, provider: "manual" } });
    expect(again.status).toBe(200);
    expect(await stateOf(acme.id)).toEqual(before);
  });

  it("normalises values as the schema does (host names lower-case)", async () => {
    const res = await patch(acmeWriter, { security: { allowedDomains: [" Shop.Example.COM "] } });
    expect(res.body.security).toEqual({ allowedDomains: ["shop.example.com"] });
  });

  it.each([
    ["a malformed colour", { branding: { primaryColor: "blue" } }, [["branding", "primaryColor"]]],
    ["an unknown key", { branding: { fontSize: 3 } }, [["branding"]]],
    ["an unknown section", { theme: {} }, [[]]],
    ["a bad CIDR in the allowlist", { security: { ipAllowlist: ["10.0.0.0/8", "nope"] } }, [["security", "ipAllowlist", 1]]],
    [
      "a lower-case currency and a non-boolean flag",
      { payment: { currency: "eur" }, features: { nft: "yes" } },
      [
        ["features", "nft"],
        ["payment", "currency"],
      ],
    ],
    ["custom CSS over 20 KB", { branding: { customCss: `a{color:red}${" ".repeat(20 * 1024)}` } }, [["branding", "customCss"]]],
  ])("%s → 422 at its field path, nothing stored", async (_, body, paths) => {
    const before = await stateOf(acme.id);
    const res = await patch(acmeWriter, body);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    const got = res.body.error.details.map((d: { path: unknown[] }) => d.path);
    expect(got.sort()).toEqual(paths.sort());
    expect(await stateOf(acme.id)).toEqual(before);
  });

  it("refuses brand colours whose text cannot reach WCAG AA, naming the pair and the shortfall", async () => {
    const before = await stateOf(acme.id);
    const res = await patch(acmeWriter, { branding: { primaryColor: "#0f766e", accentColor: "#f5c518" } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details).toEqual([
      {
        path: ["branding", "accentColor"],
        message: expect.stringMatching(
          /^Accent #f5c518 on the page background #ffffff has contrast 1\.\d\d:1; AA needs 4\.5:1 \(short by \d\.\d\d\)\.$/,
        ),
      },
    ]);
    expect(await stateOf(acme.id)).toEqual(before);
  });

  it("checks a colour against the stored other half of the pair", async () => {
    await patch(acmeWriter, { branding: { primaryColor: "#1d4ed8", accentColor: "#7c3aed" } });
    const res = await patch(acmeWriter, { branding: { accentColor: "#fde047" } });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toEqual(["branding", "accentColor"]);
  });

  it.each([
    ["nft", { features: { nft: true } }, "pro"],
    ["bonds", { features: { bonds: true } }, "basic"],
    ["custom CSS", { branding: { customCss: ".x { color: red }" } }, "pro"],
  ])("switching on %s beyond the plan → 403 plan_required naming the %s plan", async (_, body, plan) => {
    const before = await stateOf(globex.id);
    const res = await patch(globexWriter, body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("plan_required");
    expect(res.body.error.message).toContain(`needs the ${plan} plan or higher`);
    expect(await stateOf(globex.id)).toEqual(before);
  });

  it("allows switching off a feature the plan lacks, and removing custom CSS on any plan", async () => {
    const res = await patch(globexWriter, { features: { nft: false }, branding: { customCss: null } });
    expect(res.status).toBe(200);
    expect(res.body.features).toEqual({ nft: false });
  });

  it("stores custom CSS as written, warns about what the sanitiser drops, and audits only its size and hash", async () => {
    const css = '@import url("https://evil.test/x.css");\n.hero { color: #123456; }';
    const res = await patch(acmeWriter, { branding: { customCss: css } });
    expect(res.status).toBe(200);
    expect(res.body.branding.customCss).toBe(css);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({ path: "branding.customCss", reason: "@import is not allowed", line: 1 }),
    ]);
    const audit = await lastAudit(acme.id);
    expect(audit?.metadata).toEqual({
      changes: {
        "branding.customCss": {
          before: null,
          after: { bytes: Buffer.byteLength(css), sha256: createHash("sha256").update(css).digest("hex") },
        },
      },
    });
    expect(JSON.stringify(audit)).not.toContain("evil.test");
  });

  it("limits are the platform's: 403 for the tenant's own key, allowed for a platform key", async () => {
    const before = await stateOf(acme.id);
    const refused = await patch(acmeWriter, { limits: { apiKeys: 1000 } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("insufficient_permissions");
    expect(await stateOf(acme.id)).toEqual(before);

    const res = await call(PATCH, "PATCH", path(acme.id), {
      key: platformKey,
      params: { id: acme.id },
      body: { limits: { users: 7 } },
    });
    expect(res.status).toBe(200);
    expect(res.body.effective.limits).toEqual({ ...PLAN_DEFAULTS.pro.limits, users: 7 });
    expect((await lastAudit(acme.id))?.actorType).toBe("PLATFORM_API_KEY");
    expect((await call(info, "GET", "/tenants/current/info", { key: acmeReader })).body.limits.users).toBe(7);
  });

  it("an IP allowlist takes effect on the next request", async () => {
    const res = await patch(initechWriter, { security: { ipAllowlist: ["203.0.113.0/24"] } });
    expect(res.status).toBe(200);
    const refused = await patch(initechWriter, { security: { ipAllowlist: null } });
    expect(refused.body.error.code).toBe("ip_not_allowed");
  });

  it("concurrent patches of different keys all land: the config row is locked while merging", async () => {
    await patch(acmeWriter, { payment: { provider: "manual" } }); // the row exists: no insert to serialise on
    const patches = [
      { payment: { billingEmail: "billing@acme.test" } },
      { payment: { currency: "USD" } },
      { branding: { logoUrl: "https://cdn.acme.test/logo.png" } },
      { branding: { faviconUrl: "https://cdn.acme.test/favicon.png" } },
      { security: { allowedDomains: ["acme.test"] } },
      { features: { bonds: false } },
    ];
    const results = await Promise.all(patches.map((body) => patch(acmeWriter, body)));
    expect(results.map((r) => r.status)).toEqual(patches.map(() => 200));
    const config = (await get(acmeReader)).body;
    expect(config.payment).toMatchObject({ provider: "manual", billingEmail: "billing@acme.test", currency: "USD" });
    expect(config.branding).toMatchObject({
      logoUrl: "https://cdn.acme.test/logo.png",
      faviconUrl: "https://cdn.acme.test/favicon.png",
    });
    expect(config.security.allowedDomains).toEqual(["acme.test"]);
    expect(config.features.bonds).toBe(false);
  });

  it.each([
    ["no credential", () => call(PATCH, "PATCH", path(), { params: { id: "current" }, body: {} }), 401, "unauthenticated"],
    ["a key with read:config only", () => patch(acmeReader, { features: { nft: true } }), 403, "insufficient_permissions"],
    ["another tenant's id", () => patch(acmeWriter, { features: { nft: true } }, globex.id), 404, "not_found"],
    [
      "malformed JSON",
      () =>
        call(PATCH, "PATCH", path(), {
          key: acmeWriter,
          params: { id: "current" },
          rawBody: "{",
          headers: { "content-type": "application/json" },
        }),
      400,
      "invalid_json",
    ],
  ])("%s → %i %s", async (_, request, status, code) => {
    const before = await Promise.all([stateOf(acme.id), stateOf(globex.id)]);
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await Promise.all([stateOf(acme.id), stateOf(globex.id)])).toEqual(before);
  });

  it("a signed-in admin may change the config; a viewer may not", async () => {
    const [admin, viewer] = await withPlatform(async (tx) => [
      await tx.user.create({ data: { tenantId: acme.id, email: "admin@acme.test", name: "A", role: "ADMIN" } }),
      await tx.user.create({ data: { tenantId: acme.id, email: "viewer@acme.test", name: "V", role: "VIEWER" } }),
    ]);
    const asUser = async (user: typeof admin) =>
      call(PATCH, "PATCH", path(), {
        cookie: await sessionCookie(user),
        host: acme,
        params: { id: "current" },
        headers: { origin: "http://acme.localhost:3000" },
        body: { payment: { provider: "stripe" } },
      });
    expect((await asUser(viewer)).body.error.code).toBe("insufficient_permissions");
    const res = await asUser(admin);
    expect(res.status).toBe(200);
    expect(await lastAudit(acme.id)).toMatchObject({ actorType: "USER", actorId: admin.id, actorLabel: "admin@acme.test" });
  });
});
