import { expect, test } from "@playwright/test";
import { PORT, TENANTS, rawGet, rgb, tenantUrl } from "./hosts";

test.describe("each tenant host is served in its own brand", () => {
  for (const [slug, brand] of Object.entries(TENANTS)) {
    test(`${slug}`, async ({ page }, testInfo) => {
      const response = await page.goto(tenantUrl(slug));
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle(brand.name);
      await expect(page.getByTestId("tenant-name")).toHaveText(brand.name);
      const header = page.locator("header").first();
      await expect(header).toHaveCSS("background-color", rgb(brand.primary));
      await expect(header).toHaveCSS("color", rgb(brand.foreground));
      await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", brand.primary);
      await page.screenshot({ path: testInfo.outputPath(`${slug}.png`), fullPage: true });
    });
  }

  test("a verified custom domain serves its tenant", async ({ page }) => {
    const response = await page.goto(`http://portal.acme.test:${PORT}/`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(TENANTS.acme.name);
    await expect(page.locator("header").first()).toHaveCSS("background-color", rgb(TENANTS.acme.primary));
  });

  test("the platform host keeps the platform look", async ({ page }) => {
    await page.goto(`http://localhost:${PORT}/`);
    await expect(page).toHaveTitle("Livery");
    await expect(page.locator("#tenant-brand")).toHaveCount(0);
  });
});

test.describe("hosts without a portal", () => {
  test("an unknown tenant host gets the platform's 404 page", async ({ page }, testInfo) => {
    const response = await page.goto(tenantUrl("nobody"));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "There is no portal at this address" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("unknown-host.png") });
  });

  test("a suspended tenant gets the suspended page with a 403", async ({ page }, testInfo) => {
    const response = await page.goto(tenantUrl("initech"));
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This portal is suspended" })).toBeVisible();
    await expect(page.getByText("Initech's portal is temporarily unavailable")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("suspended.png") });
  });

  const apiCases: [label: string, host: string, status: number, code: string][] = [
    ["unknown tenant", "nobody.localhost", 404, "tenant_not_found"],
    ["suspended tenant", "initech.localhost", 403, "tenant_suspended"],
    ["reserved subdomain", "api.localhost", 404, "tenant_not_found"],
    ["IP address", "127.0.0.1", 404, "tenant_not_found"],
    ["nested subdomain", "a.acme.localhost", 404, "tenant_not_found"],
    ["unverified custom domain", "unverified.example.org", 404, "tenant_not_found"],
  ];
  for (const [label, host, status, code] of apiCases) {
    test(`API request on a ${label} host gets JSON ${status} ${code}`, async () => {
      const response = await rawGet(`${host}:${PORT}`, "/api/v1/tenants/current/info");
      expect(response.status).toBe(status);
      expect(response.headers["content-type"]).toContain("application/json");
      const body = JSON.parse(response.body) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.requestId).toBe(response.headers["x-request-id"]);
    });
  }

  test("malformed Host headers never cause a 500", async () => {
    for (const host of ["", "acme.localhost:abc", "-bad-.localhost", "acme..localhost", "[::1]:3100", "a".repeat(300)]) {
      const response = await rawGet(host, "/");
      expect(response.status, JSON.stringify(host)).toBeLessThan(500);
    }
  });

  test("health and readiness answer on any host, load balancers call them by IP", async () => {
    for (const path of ["/api/health", "/api/ready"]) expect((await rawGet(`127.0.0.1:${PORT}`, path)).status).toBe(200);
  });

  test("the internal resolve endpoint refuses callers without the token", async () => {
    const response = await rawGet(`localhost:${PORT}`, "/api/internal/tenancy/resolve?host=acme.localhost");
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("acme");
  });
});

test.describe("spoofing", () => {
  const forgedInternal = {
    "x-tenant-id": "00000000-0000-4000-8000-000000000000",
    "X-Livery-Internal-Token": "guess",
    "x-livery-tenant-hint-id": "x",
  };

  test("client-sent internal headers cannot change the tenant", async () => {
    const platform = await rawGet(`localhost:${PORT}`, "/", forgedInternal);
    expect(platform.body).toContain("<title>Livery</title>");
    expect(platform.body).not.toContain("--brand-primary:");
    const globex = await rawGet(`globex.localhost:${PORT}`, "/", forgedInternal);
    expect(globex.body).toContain(`<title>${TENANTS.globex.name}</title>`);
    expect(globex.body).toContain(`--brand-primary:${TENANTS.globex.primary}`);
  });

  test("X-Tenant-Slug naming another tenant than the host is refused, never a switch", async () => {
    const page = await rawGet(`globex.localhost:${PORT}`, "/", { "X-Tenant-Slug": "acme" });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(TENANTS.acme.primary);
    expect(page.body).not.toContain(TENANTS.acme.name);
    const api = await rawGet(`globex.localhost:${PORT}`, "/api/v1/tenants/current/info", { "X-Tenant-Slug": "acme" });
    expect(api.status).toBe(403);
    expect((JSON.parse(api.body) as { error: { code: string } }).error.code).toBe("tenant_mismatch");
  });

  test("on the platform host, X-Tenant-Slug does not brand a page", async () => {
    const platform = await rawGet(`localhost:${PORT}`, "/", { "X-Tenant-Slug": "acme" });
    expect(platform.status).toBe(200);
    expect(platform.body).toContain("<title>Livery</title>");
    expect(platform.body).not.toContain(TENANTS.acme.primary);
  });
});

test("200 concurrent requests across 5 hosts each get only their own brand", async () => {
  const hosts = [
    ...Object.keys(TENANTS).map((slug) => ({ host: `${slug}.localhost:${PORT}`, slug: slug as keyof typeof TENANTS })),
    { host: `portal.acme.test:${PORT}`, slug: "acme" as const },
  ];
  const requests = Array.from({ length: 200 }, (_, i) => hosts[i % hosts.length]!);
  const responses = await Promise.all(requests.map(({ host }) => rawGet(host, "/")));
  responses.forEach((response, i) => {
    const expected = requests[i]!.slug;
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<title>${TENANTS[expected].name}</title>`);
    expect(response.body).toContain(`--brand-primary:${TENANTS[expected].primary}`);
    for (const [other, brand] of Object.entries(TENANTS)) {
      if (other !== expected) {
        expect(response.body).not.toContain(`--brand-primary:${brand.primary}`);
        expect(response.body).not.toContain(brand.name);
      }
    }
  });
});
