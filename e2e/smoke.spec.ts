import { expect, test } from "@playwright/test";
import { tenantUrl } from "./hosts";

test("the landing page renders in the platform's brand", async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Livery");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One deployment, many branded admin portals.");

  // Tailwind's theme maps the brand variables: the primary button wears the platform colour.
  const button = page.getByRole("link", { name: "Service health" });
  await expect(button).toHaveCSS("background-color", "rgb(67, 56, 202)");
  await expect(button).toHaveCSS("color", "rgb(255, 255, 255)");

  await page.screenshot({ path: testInfo.outputPath("landing.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("health and readiness answer with JSON", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(health.headers()["cache-control"]).toContain("no-store");
  expect(await health.json()).toMatchObject({ status: "ok" });

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({
    ready: true,
    database: { kind: "embedded", reachable: true, migrations: { pending: [] } },
  });
});

test("an unknown page gets the not-found page with a 404", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("pages carry a Content-Security-Policy whose nonce is on every inline script and style", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  // Acme lets its own site (acme.test, from the seed's allowed domains) frame the portal; the platform never.
  const framing = new Map([
    ["/", "frame-ancestors 'none'"],
    [tenantUrl("acme"), "frame-ancestors https://acme.test"],
  ]);
  for (const [url, ancestors] of framing) {
    const response = await page.goto(url);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, url).toBeTruthy();
    expect(policy, url).toContain(ancestors);
    expect(policy).toContain("object-src 'none'");
    const headers = response!.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // next start runs with NODE_ENV=production.
    expect(headers["strict-transport-security"]).toContain("max-age=");
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll("script:not([src]), style")].map((el) => (el as HTMLElement).nonce),
    );
    expect(inline.length, url).toBeGreaterThan(0);
    expect(new Set(inline), url).toEqual(new Set([nonce]));
  }
  expect(violations).toEqual([]);
});
