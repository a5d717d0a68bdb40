import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "./fixtures/keys";
import { stateOf } from "./fixtures/roles";
import { PORT, rawRequest, tenantUrl } from "./hosts";
import { bearer, captureScreen, expectNotFound } from "./settings-helpers";

const starkHost = `stark.localhost:${PORT}`;

test.describe("as the stark owner", () => {
  test.use({ storageState: stateOf("stark-owner") });

  test("filters by action and actor type and pages with the cursor in the URL", async ({ page }, testInfo) => {
    // 13 keys created and revoked by an API key: 26 api_key.* entries, so the filtered log has a second page.
    const run = Date.now();
    for (let i = 0; i < 13; i++) {
      const created = await rawRequest(
        "POST",
        starkHost,
        "/api/v1/tenants/current/api-keys",
        { ...bearer(E2E_KEYS.stark), "content-type": "application/json" },
        JSON.stringify({ name: `audit-${run}-${i}`, permissions: ["read:content"] }),
      );
      expect(created.status).toBe(201);
      const { id } = JSON.parse(created.body) as { id: string };
      expect(
        (await rawRequest("DELETE", starkHost, `/api/v1/tenants/current/api-keys/${id}`, bearer(E2E_KEYS.stark))).status,
      ).toBe(204);
    }

    await page.goto(tenantUrl("stark", "/settings/audit-log"));
    await expect(page.getByTestId("audit-entry").first()).toBeVisible();
    await page.getByLabel("Action").selectOption("api_key.");
    await page.getByLabel("Done by").selectOption("TENANT_API_KEY");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=api_key\.&actorType=TENANT_API_KEY/);
    const actions = page.getByTestId("audit-action");
    await expect(actions).toHaveCount(25);
    for (const action of await actions.allTextContents()) expect(action).toMatch(/^api_key\./);
    const newest = (await page.getByTestId("audit-entry").first().textContent())!;
    await captureScreen(page, testInfo, "audit-log");

    await page.getByTestId("older-entries").click();
    await page.waitForURL(/cursor=/);
    expect(page.url()).toContain("action=api_key.");
    await expect(page.getByTestId("audit-entry").first()).not.toHaveText(newest);
    for (const action of await actions.allTextContents()) expect(action).toMatch(/^api_key\./);
    await expect(page.getByRole("link", { name: "Newest entries" })).toBeVisible();

    await page.goto(tenantUrl("stark", "/settings/audit-log?actorType=NOBODY"));
    await expect(page.getByText("These filters are not valid")).toBeVisible();
    await page.getByRole("link", { name: "Show the whole log" }).click();
    await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  });
});

test.describe("as the stark viewer", () => {
  test.use({ storageState: stateOf("stark-viewer") });

  test("the audit log is not theirs to read", async ({ page }) => {
    await expectNotFound(page, tenantUrl("stark", "/settings/audit-log"));
    await page.goto(tenantUrl("stark", "/settings/features"));
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  });
});
