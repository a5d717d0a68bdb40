import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DirectoryTenant } from "@/lib/tenancy/directory";

const TENANTS: Record<string, DirectoryTenant> = {
  "acme.localhost": {
    id: "11111111-1111-4111-8111-111111111111",
    slug: "acme",
    name: "Acme",
    status: "ACTIVE",
    allowedDomains: ["app.acme.test"],
  },
  "globex.localhost": {
    id: "22222222-2222-4222-8222-222222222222",
    slug: "globex",
    name: "Globex",
    status: "ACTIVE",
    allowedDomains: [],
  },
  "initech.localhost": {
    id: "33333333-3333-4333-8333-333333333333",
    slug: "initech",
    name: "Initech",
    status: "SUSPENDED",
    allowedDomains: [],
  },
  "portal.acme.test": {
    id: "11111111-1111-4111-8111-111111111111",
    slug: "acme",
    name: "Acme",
    status: "ACTIVE",
    allowedDomains: ["app.acme.test"],
  },
};

let fetchMock: ReturnType<typeof vi.fn>;
let middleware: (request: NextRequest) => Promise<Response>;

beforeEach(async () => {
  vi.stubEnv("ROOT_DOMAIN", "localhost");
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(40));
  fetchMock = vi.fn(async (url: string) => {
    const host = new URL(url).searchParams.get("host") ?? "";
    const tenant = TENANTS[host];
    return Response.json({ tenant: tenant ?? null }, { status: tenant ? 200 : 404 });
  });
  vi.stubGlobal("fetch", fetchMock);
  vi.resetModules(); // a fresh directory cache per test
  ({ middleware } = await import("./middleware"));
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

function request(host: string, path = "/", headers: Record<string, string> = {}) {
  return new NextRequest(`http://${host}${path}`, { headers: { host, ...headers } });
}

/** What the app will see of a header the middleware forwarded. */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

async function errorCode(response: Response) {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("middleware", () => {
  it("passes a tenant host's pages on with the tenant set and a CSP nonce", async () => {
    const response = await middleware(request("acme.localhost:3000", "/about"));
    expect(forwarded(response, "x-tenant-id")).toBe(TENANTS["acme.localhost"]!.id);
    expect(forwarded(response, "x-tenant-slug")).toBe("acme");
    expect(forwarded(response, "x-forwarded-host")).toBe("acme.localhost:3000");
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
    const nonce = forwarded(response, "x-livery-nonce");
    expect(response.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
  });

  it("resolves a verified custom domain like a subdomain", async () => {
    const response = await middleware(request("Portal.Acme.Test.", "/"));
    expect(forwarded(response, "x-tenant-slug")).toBe("acme");
  });

  it("asks the directory once per host while the entry is fresh", async () => {
    for (let i = 0; i < 5; i++) await middleware(request("acme.localhost"));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("strips client-sent tenant and internal headers", async () => {
    const response = await middleware(
      request("localhost", "/", {
        "x-tenant-id": TENANTS["globex.localhost"]!.id,
        "x-livery-tenant-hint-id": "forged",
        "x-livery-nonce": "forged",
      }),
    );
    expect(forwarded(response, "x-tenant-id")).toBeNull();
    expect(forwarded(response, "x-livery-tenant-hint-slug")).toBeNull();
    expect(forwarded(response, "x-livery-nonce")).not.toBe("forged");
  });

  it.each([
    ["/api/v1/content", "application/json"],
    ["/", "text/html; charset=utf-8"],
  ])("refuses X-Tenant-Slug naming another tenant than the host (%s)", async (path, type) => {
    const response = await middleware(request("acme.localhost", path, { "X-Tenant-Slug": "globex" }));
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe(type);
    if (type === "application/json") expect(await errorCode(response)).toBe("tenant_mismatch");
  });

  it("accepts X-Tenant-Slug naming the host's own tenant", async () => {
    const response = await middleware(request("acme.localhost", "/api/v1/content", { "X-Tenant-Slug": "ACME" }));
    expect(forwarded(response, "x-tenant-id")).toBe(TENANTS["acme.localhost"]!.id);
  });

  it.each(["globex", "nobody", "initech"])(
    "passes X-Tenant-Slug %s on the platform host to the API unjudged, without asking the directory",
    async (slug) => {
      // Judging it here would tell a caller with no credential which tenants exist or are suspended.
      const response = await middleware(request("localhost", "/api/v1/content", { "X-Tenant-Slug": slug }));
      expect(response.status).toBe(200);
      expect(forwarded(response, "x-livery-tenant-hint-slug")).toBe(slug);
      expect(forwarded(response, "x-tenant-id")).toBeNull();
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );

  it("ignores X-Tenant-Slug on platform pages", async () => {
    const response = await middleware(request("localhost", "/", { "X-Tenant-Slug": "globex" }));
    expect(response.status).toBe(200);
    expect(forwarded(response, "x-livery-tenant-hint-slug")).toBeNull();
  });

  it("answers 503 with Retry-After when the directory cannot be reached, and retries next time", async () => {
    fetchMock.mockRejectedValueOnce(new Error("connection refused"));
    const failed = await middleware(request("acme.localhost", "/api/v1/content"));
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("5");
    expect(await errorCode(failed)).toBe("service_unavailable");
    const retried = await middleware(request("acme.localhost", "/api/v1/content"));
    expect(forwarded(retried, "x-tenant-slug")).toBe("acme");
  });

  it("lets health checks through on any host, and keeps the token only on internal paths", async () => {
    expect((await middleware(request("10.0.0.7:3000", "/api/health"))).status).toBe(200);
    const internal = await middleware(
      request("127.0.0.1:3000", "/api/internal/tenancy/resolve", { "x-livery-internal-token": "t" }),
    );
    expect(forwarded(internal, "x-livery-internal-token")).toBe("t");
    const elsewhere = await middleware(request("localhost", "/api/v1/content", { "x-livery-internal-token": "t" }));
    expect(forwarded(elsewhere, "x-livery-internal-token")).toBeNull();
  });

  it("answers unknown API paths and methods itself, in the JSON envelope, without asking the directory", async () => {
    const nowhere = await middleware(request("acme.localhost", "/api/v1/nothing/here"));
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await nowhere.json()) as { error: { code: string; requestId: string } };
    expect(body.error).toMatchObject({ code: "not_found", requestId: nowhere.headers.get("x-request-id") });

    const put = await middleware(
      new NextRequest("http://acme.localhost/api/v1/content", { method: "PUT", headers: { host: "acme.localhost" } }),
    );
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST, HEAD");
    expect(await errorCode(put)).toBe("method_not_allowed");
    expect(fetchMock).not.toHaveBeenCalled();

    // A known path and method goes on to the app.
    expect(forwarded(await middleware(request("acme.localhost", "/api/v1/content/42")), "x-tenant-slug")).toBe("acme");
  });

  it("pins X-Forwarded-Host to the Host the request was resolved for", async () => {
    const response = await middleware(request("globex.localhost", "/", { "x-forwarded-host": "evil.example" }));
    expect(forwarded(response, "x-forwarded-host")).toBe("globex.localhost");
  });

  describe("H12: a tenant's allowed domains", () => {
    const preflight = (host: string, origin: string) =>
      middleware(
        new NextRequest(`http://${host}/api/v1/content`, {
          method: "OPTIONS",
          headers: { host, origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization" },
        }),
      );

    it("let a listed origin call the API with a key (preflight and answer), never with credentials", async () => {
      const ok = await preflight("acme.localhost:3000", "https://app.acme.test");
      expect(ok.status).toBe(204);
      expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.acme.test");
      expect(ok.headers.get("access-control-allow-headers")).toContain("Authorization");
      const call = await middleware(
        request("acme.localhost:3000", "/api/v1/content", { origin: "https://app.acme.test", authorization: "Bearer lv_x" }),
      );
      expect(call.headers.get("access-control-allow-origin")).toBe("https://app.acme.test");
      expect(call.headers.get("vary")).toContain("Origin");
      for (const response of [ok, call]) expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    });

    it("give unlisted and look-alike origins, other tenants and cookie calls no CORS headers", async () => {
      for (const origin of [
        "https://evil.test",
        "https://app.acme.test.evil.test",
        "http://app.acme.test",
        "https://acme.test",
      ]) {
        const response = await preflight("acme.localhost:3000", origin);
        expect(response.headers.get("access-control-allow-origin"), origin).toBeNull();
      }
      expect(
        (await preflight("globex.localhost:3000", "https://app.acme.test")).headers.get("access-control-allow-origin"),
      ).toBeNull();
      const withCookie = await middleware(
        request("acme.localhost:3000", "/api/v1/content", {
          origin: "https://app.acme.test",
          cookie: "next-auth.session-token=x",
        }),
      );
      expect(withCookie.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("may frame the tenant's pages (frame-ancestors instead of X-Frame-Options); nobody frames the others", async () => {
      const acme = await middleware(request("acme.localhost:3000", "/"));
      expect(acme.headers.get("content-security-policy")).toContain("frame-ancestors https://app.acme.test");
      expect(acme.headers.get("x-frame-options")).toBeNull();
      const globex = await middleware(request("globex.localhost:3000", "/"));
      expect(globex.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(globex.headers.get("x-frame-options")).toBe("DENY");
    });
  });
});

describe("HSTS behind the TLS edge", () => {
  it("covers subdomains on the root domain, but never a tenant's own domain's other names", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const onRoot = await middleware(request("acme.localhost", "/"));
    expect(onRoot.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const onCustom = await middleware(request("portal.acme.test", "/"));
    expect(onCustom.headers.get("strict-transport-security")).toBe("max-age=63072000");
    const apiOnCustom = await middleware(request("portal.acme.test", "/api/v1/tenants/current/info"));
    expect(apiOnCustom.headers.get("strict-transport-security")).toBe("max-age=63072000");
  });
});
