import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "./fixtures/keys";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet, tenantUrl } from "./hosts";
import { bearer, captureScreen } from "./settings-helpers";

const starkHost = `stark.localhost:${PORT}`;

test.describe("as the stark owner", () => {
  test.use({ storageState: stateOf("stark-owner") });

  test("charts every metric, and a call made meanwhile shows up without a reload", async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    await page.goto(tenantUrl("stark", "/settings/usage?range=7"));
    await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
    for (const metric of ["apiCalls", "bandwidthBytes", "storageBytes", "activeUsers", "revenueCents"]) {
      await expect(page.getByTestId(`chart-${metric}`).locator(".recharts-surface")).toBeVisible();
    }
    await expect(page.getByTestId("chart-apiCalls")).toContainText("No daily limit: your plan allows 1,200 calls per minute");
    await expect(page.getByTestId("chart-storageBytes")).toContainText("your plan's limit of 10 GB");
    await expect(page.getByTestId("chart-storageBytes").locator(".recharts-reference-line")).toHaveCount(1);
    await captureScreen(page, testInfo, "usage");

    const total = page.getByTestId("total-apiCalls");
    const before = Number(await total.getAttribute("data-value"));
    for (let i = 0; i < 3; i++) expect((await rawGet(starkHost, "/api/v1/content", bearer(E2E_KEYS.stark))).status).toBe(200);
    // The page polls every 15 s; the three calls (and the page's own polls) raise the total without a reload.
    await expect
      .poll(async () => Number(await total.getAttribute("data-value")), { timeout: 35_000 })
      .toBeGreaterThanOrEqual(before + 3);
  });

  test("downloads the range as CSV", async ({ page }) => {
    await page.goto(tenantUrl("stark", "/settings/usage?range=7"));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(lines[0]).toBe("day,apiCalls,bandwidthBytes,storageBytes,activeUsers,revenueCents");
    expect(lines).toHaveLength(8);
    expect(lines[7]).toMatch(new RegExp(`^${new Date().toISOString().slice(0, 10)},[1-9]\\d*,\\d+,\\d+,\\d+,\\d+$`));

    const response = await page.evaluate(async () => {
      const r = await fetch("/settings/usage/export?range=30");
      return { disposition: r.headers.get("content-disposition"), text: await r.text() };
    });
    expect(response.disposition).toMatch(/^attachment; filename="usage-.*\.csv"$/);
    expect(response.text.trim().split("\r\n")).toHaveLength(31);
  });
});

test.describe("as the stark viewer", () => {
  test.use({ storageState: stateOf("stark-viewer") });

  test("sees the figures (read:usage) with nothing to change", async ({ page }, testInfo) => {
    await page.goto(tenantUrl("stark", "/settings/usage"));
    await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("chart-apiCalls").locator(".recharts-surface")).toBeVisible();
    await expect(page.getByRole("button")).toHaveCount(0);
    await captureScreen(page, testInfo, "usage-viewer");
  });
});

test("the CSV export needs a session", async () => {
  const response = await rawGet(starkHost, "/settings/usage/export");
  expect(response.status).toBe(401);
});
