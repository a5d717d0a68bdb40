import { expect, test } from "@playwright/test";
import { ownAddress } from "./auth";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet } from "./hosts";
import { callAdminAction, captureScreen, PLATFORM, platformApi } from "./admin-helpers";

test.describe("as a super-admin", () => {
  test.use({ storageState: stateOf("super-admin") });

  test("the overview shows tenants by plan and status, API calls, limits and the latest events", async ({ page }, testInfo) => {
    await page.goto(`${PLATFORM}/admin`);
    const { json } = await platformApi("GET", "/tenants?limit=100");
    expect(Number((await page.getByTestId("stat-tenants").textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(
      json.data.length,
    );
    await expect(page.getByTestId("plan-status")).toContainText("enterprise");
    await expect(page.getByTestId("platform-api-calls")).toBeVisible();
    await expect(page.getByTestId("near-limits")).toBeVisible();
    await expect(page.getByTestId("audit-table")).toBeVisible();
    await captureScreen(page, testInfo, "overview");
  });

  test("platform keys: create shows the secret once and it works; revoke stops it; both audited", async ({ page }, testInfo) => {
    await page.goto(`${PLATFORM}/admin/keys`);
    await captureScreen(page, testInfo, "platform-keys");
    await page.getByRole("button", { name: "Create platform key" }).click();
    await expect(page.locator("#platform-key-name-error")).toHaveText("is required");
    const name = `ops-${Date.now().toString(36)}`;
    await page.getByLabel("Key name").fill(name);
    await page.getByRole("button", { name: "Create platform key" }).click();
    await expect(page.getByTestId("secret")).toHaveText(/^lvp_/);
    const secret = (await page.getByTestId("secret").textContent())!;
    await captureScreen(page, testInfo, "platform-key-secret");
    const list = await rawGet(`localhost:${PORT}`, "/api/v1/tenants?limit=1", { authorization: `Bearer ${secret}` });
    expect(list.status).toBe(200);
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await page
      .getByRole("dialog", { name: `Revoke “${name}”?` })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(page.getByTestId(`platform-key-${name}`)).toContainText("revoked");
    const refused = await rawGet(`localhost:${PORT}`, "/api/v1/tenants?limit=1", { authorization: `Bearer ${secret}` });
    expect(refused.status).toBe(401);

    await page.goto(`${PLATFORM}/admin/audit?scope=platform&action=platform_key.`);
    await expect(page.getByTestId("audit-table")).toContainText("platform_key.revoked");
    await expect(page.getByTestId("audit-table")).toContainText("platform_key.created");
    await expect(page.getByTestId("audit-table")).toContainText("admin@livery.test");
  });

  test("the platform audit log filters by scope, actor and action without a full reload", async ({ page }, testInfo) => {
    await page.goto(`${PLATFORM}/admin/audit`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    await expect(page.getByTestId("audit-table")).toBeVisible();
    await captureScreen(page, testInfo, "audit");
    await page.getByLabel("Entries").selectOption("platform");
    await expect(page).toHaveURL(/scope=platform/);
    await page.getByLabel(/Action/).fill("no.such.action");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("audit-empty")).toBeVisible();
    await captureScreen(page, testInfo, "audit-empty");
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  });
});

test("a signed-out visitor cannot create or revoke platform keys directly", async ({ page }) => {
  await ownAddress(page);
  await page.goto(`${PLATFORM}/sign-in`);
  const created = await callAdminAction(page, "/", "createPlatformKeyAction", [{ name: "stolen" }]);
  expect(created.body).toContain("Your session has ended");
  expect(created.body).not.toContain("lvp_");
});
