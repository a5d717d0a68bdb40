import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as info } from "@/app/api/v1/tenants/current/info/route";
import { resetApiKeyCache } from "@/lib/api-keys/lookup";
import { api, created } from "@/lib/api/handler";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { resetRateLimits } from "@/lib/rate-limit/limiter";
import { announceTenantChange, resetTenantStatus } from "@/lib/tenants/status";
import { call, createTestApiKey, createTestPlatformKey, sessionCookie } from "../helpers/api";
import { setupTestDatabase } from "../helpers/setup-test-database";

setupTestDatabase();

type T = { id: string; slug: string };
let acme: T;
let globex: T;
let acmeKey: string;
let globexKey: string;
let platformKey: string;

// A route that exercises body parsing and validation without any service.
const echo = api(
  { access: "tenant", permission: "write:content", body: z.object({ title: z.string().min(1), count: z.number().int() }) },
  async ({ body, tenant }) => created({ tenant: tenant.slug, ...body }),
);

beforeAll(async () => {
  [acme, globex] = await withPlatform(async (tx) => [
    await tx.tenant.create({ data: { slug: "acme", name: "Acme", plan: "pro" }, select: { id: true, slug: true } }),
    await tx.tenant.create({ data: { slug: "globex", name: "Globex", plan: "free" }, select: { id: true, slug: true } }),
  ]);
  acmeKey = (await createTestApiKey(acme.id, ["read:content", "write:content"])).secret;
  globexKey = (await createTestApiKey(globex.id, ["read:content"])).secret;
  platformKey = await createTestPlatformKey();
});

beforeEach(() => {
  resetRateLimits();
  resetTenantStatus();
  resetApiKeyCache();
});

describe("credentials", () => {
  it("a tenant key reads its own tenant, with a request id and rate-limit headers", async () => {
    const res = await call(info, "GET", "/tenants/current/info", { key: acmeKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: acme.id, slug: "acme", plan: "pro", features: { nft: true } });
    expect(res.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
    expect(res.headers.get("ratelimit-limit")).toBe("1200");
    expect(Number(res.headers.get("ratelimit-remaining"))).toBe(1199);
  });

  it.each([
    ["no credential", {}, 401, "unauthenticated"],
    ["a malformed Authorization header", { headers: { authorization: "Basic abc" } }, 401, "invalid_api_key"],
    ["an unknown key", { key: `lv_${"x".repeat(40)}` }, 401, "invalid_api_key"],
  ])("%s → %i %s", async (_, options, status, code) => {
    const res = await call(info, "GET", "/tenants/current/info", options);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, requestId: res.headers.get("x-request-id") });
  });

  it("a revoked or expired key gets the same answer as an unknown one (H13: the reason goes to the audit log)", async () => {
    const revoked = await createTestApiKey(acme.id, ["read:content"], { revokedAt: new Date(Date.now() - 1000) });
    const expired = await createTestApiKey(acme.id, ["read:content"], { expiresAt: new Date(Date.now() - 1000) });
    for (const key of [revoked.secret, expired.secret]) {
      const res = await call(info, "GET", "/tenants/current/info", { key });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: "invalid_api_key", message: "This API key is not valid." });
    }
  });

  it("a key on another tenant's host, or naming another tenant, is tenant_mismatch, never a switch", async () => {
    const onHost = await call(info, "GET", "/tenants/current/info", { key: acmeKey, host: globex });
    expect(onHost.status).toBe(403);
    expect(onHost.body.error.code).toBe("tenant_mismatch");
    const hinted = await call(info, "GET", "/tenants/current/info", { key: acmeKey, hint: globex });
    expect(hinted.body.error.code).toBe("tenant_mismatch");
    expect(JSON.stringify([onHost.body, hinted.body])).not.toContain("Globex");
  });

  it("without a credential, X-Tenant-Slug tells nothing: 401 for a tenant that exists, one suspended and none", async () => {
    await withPlatform((tx) =>
      tx.tenant.update({ where: { id: globex.id }, data: { status: "SUSPENDED", suspendedAt: new Date() } }),
    );
    await announceTenantChange(globex.id);
    try {
      for (const slug of ["acme", "globex", "nobody-here", "NOT A SLUG"]) {
        const res = await call(info, "GET", "/tenants/current/info", { hint: { slug } });
        expect(res, slug).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
      }
    } finally {
      await withPlatform((tx) => tx.tenant.update({ where: { id: globex.id }, data: { status: "ACTIVE", suspendedAt: null } }));
      await announceTenantChange(globex.id);
    }
  });

  it("a platform key naming a slug no tenant has gets tenant_not_found", async () => {
    for (const slug of ["nobody-here", "NOT A SLUG"]) {
      const res = await call(info, "GET", "/tenants/current/info", { key: platformKey, hint: { slug } });
      expect(res, slug).toMatchObject({ status: 404, body: { error: { code: "tenant_not_found" } } });
    }
  });

  it("a platform key needs the tenant named, and gets it from the host or the header", async () => {
    const unnamed = await call(info, "GET", "/tenants/current/info", { key: platformKey });
    expect(unnamed).toMatchObject({ status: 400, body: { error: { code: "tenant_required" } } });
    expect((await call(info, "GET", "/tenants/current/info", { key: platformKey, hint: globex })).body.slug).toBe("globex");
    expect((await call(info, "GET", "/tenants/current/info", { key: platformKey, host: acme })).body.slug).toBe("acme");
  });

  it("a session counts on its own tenant's host only", async () => {
    const user = await withPlatform((tx) =>
      tx.user.create({ data: { tenantId: acme.id, email: "viewer@acme.test", name: "V", role: "VIEWER" } }),
    );
    const cookie = await sessionCookie(user);
    expect((await call(info, "GET", "/tenants/current/info", { cookie, host: acme })).body.slug).toBe("acme");
    expect((await call(info, "GET", "/tenants/current/info", { cookie, host: globex })).status).toBe(401);
    expect((await call(info, "GET", "/tenants/current/info", { cookie })).status).toBe(401);
    // Signed out everywhere: the old cookie stops working.
    await withTenant(acme.id, (tx) => tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } }));
    expect((await call(info, "GET", "/tenants/current/info", { cookie, host: acme })).status).toBe(401);
  });

  it("a cookie-authenticated change must come from the same origin", async () => {
    const user = await withPlatform((tx) =>
      tx.user.create({ data: { tenantId: acme.id, email: "member@acme.test", name: "M", role: "MEMBER" } }),
    );
    const cookie = await sessionCookie(user);
    const body = { title: "x", count: 1 };
    const cross = await call(echo, "POST", "/echo", { cookie, host: acme, body, headers: { origin: "https://evil.test" } });
    expect(cross).toMatchObject({ status: 403, body: { error: { code: "cross_origin" } } });
    const none = await call(echo, "POST", "/echo", { cookie, host: acme, body });
    expect(none.status).toBe(403);
    const same = await call(echo, "POST", "/echo", {
      cookie,
      host: acme,
      body,
      headers: { origin: "http://acme.localhost:3000" },
    });
    expect(same.status).toBe(201);
  });
});

describe("permissions, allowlist, suspension", () => {
  it("a key without the route's permission is refused", async () => {
    const res = await call(echo, "POST", "/echo", { key: globexKey, body: { title: "x", count: 1 } });
    expect(res).toMatchObject({ status: 403, body: { error: { code: "insufficient_permissions" } } });
  });

  it("keys work only from the IP allowlist when one is set", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    const { resetEnvCache } = await import("@/lib/env");
    resetEnvCache();
    try {
      await withPlatform((tx) =>
        tx.tenantConfig.create({ data: { tenantId: acme.id, security: { ipAllowlist: ["203.0.113.0/24"] } } }),
      );
      await announceTenantChange(acme.id);
      const inside = await call(info, "GET", "/tenants/current/info", {
        key: acmeKey,
        headers: { "x-forwarded-for": "203.0.113.9" },
      });
      expect(inside.status).toBe(200);
      const outside = await call(info, "GET", "/tenants/current/info", {
        key: acmeKey,
        headers: { "x-forwarded-for": "198.51.100.1" },
      });
      expect(outside).toMatchObject({ status: 403, body: { error: { code: "ip_not_allowed" } } });
    } finally {
      await withPlatform((tx) => tx.tenantConfig.delete({ where: { tenantId: acme.id } }));
      await announceTenantChange(acme.id);
      delete process.env.TRUSTED_PROXY_HOPS;
      resetEnvCache();
    }
  });

  it("a suspended tenant's key is refused at once; a platform key still reads it", async () => {
    await withPlatform((tx) =>
      tx.tenant.update({
        where: { id: globex.id },
        data: { status: "SUSPENDED", suspendedAt: new Date(), suspendedReason: "t" },
      }),
    );
    await announceTenantChange(globex.id);
    try {
      const res = await call(info, "GET", "/tenants/current/info", { key: globexKey });
      expect(res).toMatchObject({ status: 403, body: { error: { code: "tenant_suspended" } } });
      expect((await call(info, "GET", "/tenants/current/info", { key: platformKey, hint: globex })).status).toBe(200);
    } finally {
      await withPlatform((tx) =>
        tx.tenant.update({ where: { id: globex.id }, data: { status: "ACTIVE", suspendedAt: null, suspendedReason: null } }),
      );
      await announceTenantChange(globex.id);
    }
  });
});

describe("bad input", () => {
  it.each([
    ["malformed JSON", { rawBody: "{nope", headers: { "content-type": "application/json" } }, 400, "invalid_json"],
    [
      "a form body",
      { rawBody: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "unsupported_media_type",
    ],
    ["a body over 1 MB", { body: { title: "x".repeat(1024 * 1024), count: 1 } }, 413, "payload_too_large"],
    ["a schema violation", { body: { title: "", count: 1.5 } }, 422, "validation_failed"],
  ])("%s → %i %s", async (_, options, status, code) => {
    const res = await call(echo, "POST", "/echo", { key: acmeKey, ...options });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (code === "validation_failed") {
      expect(res.body.error.details.map((d: { path: string[] }) => d.path.join("."))).toEqual(["title", "count"]);
    }
  });
});
