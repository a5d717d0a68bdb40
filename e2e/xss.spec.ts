import { expect, test } from "@playwright/test";
import { HOSTILE_NAME } from "@/tests/fixtures/hostile";
import { tenantUrl } from "./hosts";

// The "mallory" tenant (e2e/fixtures/seed.ts) has a script-laden name and
// custom CSS full of known injection tricks.
test("a tenant's hostile name and custom CSS run no script", async ({ page }, testInfo) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  const response = await page.goto(tenantUrl("mallory"));
  expect(response?.status()).toBe(200);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  await expect(page).toHaveTitle(HOSTILE_NAME);
  await expect(page.getByTestId("tenant-name")).toHaveText(HOSTILE_NAME);
  await expect(page.locator("script:not([src])").filter({ hasText: "__pwned" })).toHaveCount(0);

  const css = (await page.locator("#tenant-css").textContent()) ?? "";
  expect(css).not.toContain("<");
  expect(css.toLowerCase()).not.toContain("javascript");
  // The one harmless rule survives, scoped to the portal, and applies.
  expect(css).toContain("[data-tenant-portal] .tenant-hero");
  await expect(page.locator(".tenant-hero")).toHaveCSS("color", "rgb(18, 52, 86)");

  await page.screenshot({ path: testInfo.outputPath("mallory.png"), fullPage: true });
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
});
