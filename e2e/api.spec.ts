import { expect, type Page, test } from "@playwright/test";
import { E2E_KEYS } from "./fixtures/keys";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet, rawRequest } from "./hosts";

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

  test("every answer under /api/v1 is JSON: an unknown path is a 404 envelope, a wrong method a 405 with Allow", async () => {
    const nowhere = await rawGet(host("acme"), "/api/v1/no/such/route", bearer(E2E_KEYS.acme));
    expect(nowhere.status).toBe(404);
    expect(JSON.parse(nowhere.body)).toMatchObject({ error: { code: "not_found", requestId: nowhere.headers["x-request-id"] } });
    const put = await rawRequest("PUT", host("acme"), "/api/v1/content", bearer(E2E_KEYS.acme), "{}");
    expect(put.status).toBe(405);
    expect(put.headers["allow"]).toBe("GET, POST, HEAD");
    expect(JSON.parse(put.body)).toMatchObject({ error: { code: "method_not_allowed" } });
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

test.describe("changes through the API", () => {
  test("a branding change is on the tenant's pages at the next request", async () => {
    const before = await rawGet(host("stark"), "/");
    expect(before.body).toContain("--brand-primary:#1e3a8a");
    const patch = await rawRequest(
      "PATCH",
      host("stark"),
      "/api/v1/tenants/current/config",
      { ...bearer(E2E_KEYS.stark), "content-type": "application/json" },
      JSON.stringify({ branding: { primaryColor: "#7c2d12" } }),
    );
    expect(patch.status).toBe(200);
    expect(JSON.parse(patch.body).branding.primaryColor).toBe("#7c2d12");
    const after = await rawGet(host("stark"), "/");
    expect(after.body).toContain("--brand-primary:#7c2d12");
    expect(after.body).not.toContain("--brand-primary:#1e3a8a");
  });

  test("a revoked key is refused on its very next call", async () => {
    const created = await rawRequest(
      "POST",
      host("stark"),
      "/api/v1/tenants/current/api-keys",
      { ...bearer(E2E_KEYS.stark), "content-type": "application/json" },
      JSON.stringify({ name: "short-lived", permissions: ["read:content"] }),
    );
    expect(created.status).toBe(201);
    const { id, secret } = JSON.parse(created.body) as { id: string; secret: string };
    expect((await rawGet(host("stark"), "/api/v1/content", bearer(secret))).status).toBe(200);
    const revoked = await rawRequest("DELETE", host("stark"), `/api/v1/tenants/current/api-keys/${id}`, bearer(E2E_KEYS.stark));
    expect(revoked.status).toBe(204);
    const refused = await rawGet(host("stark"), "/api/v1/content", bearer(secret));
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).error.code).toBe("invalid_api_key");
  });
});

test.describe("a browser session calling the API", () => {
  const acme = `http://acme.localhost:${PORT}`;
  const createFromPage = (page: Page) =>
    page.evaluate(async () => {
      const response = await fetch("/api/v1/content", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "article", title: "Written from the portal", body: "Hello" }),
      });
      return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
    });

  test.describe("as a member", () => {
    test.use({ storageState: stateOf("acme-member") });

    test("may write content from the portal's own pages, not from another origin", async ({ page }) => {
      await page.goto(`${acme}/account`);
      expect((await createFromPage(page)).status).toBe(201);
      // The same session cookie, sent by a page on another origin.
      const cookie = (await page.context().cookies(acme)).map((c) => `${c.name}=${c.value}`).join("; ");
      const cross = await rawRequest(
        "POST",
        host("acme"),
        "/api/v1/content",
        { cookie, origin: "https://attacker.example", "content-type": "application/json" },
        JSON.stringify({ kind: "article", title: "Forged" }),
      );
      expect(cross.status).toBe(403);
      expect(JSON.parse(cross.body).error.code).toBe("cross_origin");
    });
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: stateOf("acme-viewer") });

    test("is refused any change, by the server", async ({ page }) => {
      await page.goto(`${acme}/account`);
      const result = await createFromPage(page);
      expect(result.status).toBe(403);
      expect(result.body.error?.code).toBe("insufficient_permissions");
    });
  });
});
