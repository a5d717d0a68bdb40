import { expect, test } from "@playwright/test";
import { rawGet, tenantUrl } from "./hosts";

// e2e/fixtures/seed.ts uploads a PNG logo for acme and a script-laden SVG
// logo for mallory.

test("an uploaded logo is shown in the tenant's header and served with safe headers", async ({ page }) => {
  await page.goto(tenantUrl("acme"));
  const logo = page.getByRole("img", { name: "Acme Corporation logo" });
  await expect(logo).toBeVisible();
  const src = (await logo.getAttribute("src"))!;
  expect(src).toMatch(/^\/brand-assets\/[0-9a-f-]{36}$/);
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);

  const response = await rawGet(`acme.localhost:${process.env.E2E_PORT ?? 3100}`, src);
  expect(response.status).toBe(200);
  expect(response.headers["content-type"]).toBe("image/png");
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["content-security-policy"]).toContain("sandbox");
  expect(response.headers["cache-control"]).toContain("immutable");
});

test("another tenant's asset is not found on this tenant's host", async ({ page }) => {
  await page.goto(tenantUrl("acme"));
  const src = (await page.getByRole("img", { name: "Acme Corporation logo" }).getAttribute("src"))!;
  expect((await rawGet(`globex.localhost:${process.env.E2E_PORT ?? 3100}`, src)).status).toBe(404);
  expect((await rawGet(`localhost:${process.env.E2E_PORT ?? 3100}`, src)).status).toBe(404);
});

test("an SVG logo with script runs nothing, shown in the page or opened directly", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(tenantUrl("mallory"));
  const src = (await page.locator("header img").getAttribute("src"))!;
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

  const direct = await page.goto(tenantUrl("mallory", src));
  expect(direct?.headers()["content-type"]).toBe("image/svg+xml");
  expect(direct?.headers()["content-security-policy"]).toContain("sandbox");
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned).catch(() => undefined)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
