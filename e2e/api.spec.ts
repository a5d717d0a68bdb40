import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "./fixtures/keys";
import { PORT, rawGet } from "./hosts";

// The REST API through the real server: middleware, routing and the wrapper
// together. Contract details are covered route by route in tests/integration.
const host = (slug?: string) => (slug ? `${slug}.localhost:${PORT}` : `localhost:${PORT}`);
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

test.describe("REST API v1", () => {
  test("serves its OpenAPI document to anyone", async () => {
    const res = await rawGet(host(), "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/tenants/current/info");
  });

  test("a tenant key on its own host gets its tenant, with request id and rate-limit headers", async () => {
    const res = await rawGet(host("acme"), "/api/v1/tenants/current/info", bearer(E2E_KEYS.acme));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ slug: "acme", plan: "pro" });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["ratelimit-limit"]).toBe("1200");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  test("the same key on another tenant's host is refused, never switched", async () => {
    const res = await rawGet(host("globex"), "/api/v1/tenants/current/info", bearer(E2E_KEYS.acme));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe("tenant_mismatch");
    expect(res.body).not.toContain("Globex");
  });

  test("on the platform host a key's own tenant applies; X-Tenant-Slug may only name it", async () => {
    const own = await rawGet(host(), "/api/v1/tenants/current/info", bearer(E2E_KEYS.acme));
    expect(JSON.parse(own.body).slug).toBe("acme");
    const other = await rawGet(host(), "/api/v1/tenants/current/info", { ...bearer(E2E_KEYS.acme), "x-tenant-slug": "globex" });
    expect(other.status).toBe(403);
    expect(JSON.parse(other.body).error.code).toBe("tenant_mismatch");
  });

  test("a platform key names the tenant with X-Tenant-Slug", async () => {
    const res = await rawGet(host(), "/api/v1/tenants/current/info", { ...bearer(E2E_KEYS.platform), "x-tenant-slug": "globex" });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).slug).toBe("globex");
  });

  test("spoofed internal headers do not choose the tenant", async () => {
    const res = await rawGet(host(), "/api/v1/tenants/current/info", {
      ...bearer(E2E_KEYS.platform),
      "x-tenant-id": "00000000-0000-4000-8000-000000000000",
      "x-livery-tenant-hint-id": "00000000-0000-4000-8000-000000000000",
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe("tenant_required");
  });

  test("no credential, a malformed key and a suspended tenant get the error envelope", async () => {
    const none = await rawGet(host("acme"), "/api/v1/tenants/current/info");
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error).toMatchObject({ code: "unauthenticated", requestId: none.headers["x-request-id"] });
    const bad = await rawGet(host("acme"), "/api/v1/tenants/current/info", bearer("lv_nope"));
    expect(JSON.parse(bad.body).error.code).toBe("invalid_api_key");
    const suspended = await rawGet(host("initech"), "/api/v1/tenants/current/info", bearer(E2E_KEYS.acme));
    expect(suspended.status).toBe(403);
    expect(JSON.parse(suspended.body).error.code).toBe("tenant_suspended");
  });
});
