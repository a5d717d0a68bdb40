import { expect, test } from "@playwright/test";
import { stateOf } from "./fixtures/roles";
import { PORT } from "./hosts";
import { captureScreen, PLATFORM, platformApi } from "./admin-helpers";

test.use({ storageState: stateOf("super-admin") });

// 30 tenants under one prefix: more than a page (25), so the cursor pages show.
// beforeAll may run more than once in a worker (fullyParallel): already seeded is fine.
const prefix = `pg${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.beforeAll(async () => {
  for (let i = 0; i < 30; i++) {
    const n = String(i).padStart(2, "0");
    const res = await platformApi("POST", "/tenants", {
      slug: `${prefix}-${n}`,
      name: `Paged ${n} ${prefix}`,
      plan: i % 2 ? "pro" : "free",
    });
    expect([201, 409], JSON.stringify(res.json)).toContain(res.status);
  }
});

test("the frame: navigation, the current section, and the signed-in super-admin", async ({ page }, testInfo) => {
  await page.goto(`${PLATFORM}/admin`);
  const nav = page.getByRole("navigation", { name: "Admin" });
  for (const name of ["Overview", "Tenants", "Platform keys", "Audit log"])
    await expect(nav.getByRole("link", { name })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Tenants" }).click();
  await expect(page).toHaveURL(`${PLATFORM}/admin/tenants`);
  await expect(nav.getByRole("link", { name: "Tenants" })).toHaveAttribute("aria-current", "page");
  // Keyboard: the first tab stops reach the navigation with a visible focus ring.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await captureScreen(page, testInfo, "admin-frame");
});

test("search, filters, sort and cursor pages live in the URL and navigate without a full reload", async ({ page }, testInfo) => {
  await page.goto(`${PLATFORM}/admin/tenants`);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  const rows = page.locator("[data-testid^=tenant-row-]");

  await page.getByLabel("Search").fill(prefix);
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
  await expect(rows).toHaveCount(25);
  await page.getByLabel("Plan").selectOption("pro");
  await expect(page).toHaveURL(new RegExp(`q=${prefix}&plan=pro`));
  await expect(rows).toHaveCount(15);
  await page.getByLabel("Plan").selectOption("");
  await expect(rows).toHaveCount(25);

  // Sort by slug, ascending: -00 first; then the next page holds the last five.
  await page.getByRole("link", { name: /^Slug/ }).click();
  await expect(page).toHaveURL(/sort=slug/);
  await expect(rows.first()).toHaveAttribute("data-testid", `tenant-row-${prefix}-00`);
  await expect(page.getByRole("columnheader", { name: /Slug/ })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toHaveAttribute("data-testid", `tenant-row-${prefix}-25`);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await captureScreen(page, testInfo, "tenants-page-2");

  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(rows.first()).toHaveAttribute("data-testid", `tenant-row-${prefix}-00`);
  // The back button returns to page 2, the state being in the URL.
  await page.goBack();
  await expect(rows).toHaveCount(5);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

  // A shared link opens the same state.
  const url = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await expect(fresh.locator("[data-testid^=tenant-row-]")).toHaveCount(5);
  await fresh.close();

  await page.getByLabel("Search").fill("no-such-tenant-anywhere");
  await expect(page.getByTestId("tenants-empty")).toContainText("No tenant matches");
  await captureScreen(page, testInfo, "tenants-empty");
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(`${PLATFORM}/admin/tenants`);
  await captureScreen(page, testInfo, "tenants");
});

test("search matches a custom domain", async ({ page }) => {
  await page.goto(`${PLATFORM}/admin/tenants?q=portal.acme.test`);
  await expect(page.getByTestId("tenant-row-acme")).toBeVisible();
  await expect(page.locator("[data-testid^=tenant-row-]")).toHaveCount(1);
});

test("a bad cursor in a link explains itself and offers the first page", async ({ page }) => {
  await page.goto(`${PLATFORM}/admin/tenants?cursor=garbage`);
  await expect(page.getByRole("alert").filter({ hasText: "expired" })).toBeVisible();
  await page.getByRole("link", { name: "Show the first page" }).click();
  await expect(page.locator("[data-testid^=tenant-row-]").first()).toBeVisible();
});

test("create tenant: field errors from the API's schema, a live slug check, and the owner's link", async ({ page }, testInfo) => {
  await page.goto(`${PLATFORM}/admin/tenants/new`);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.locator("#tenant-name-error")).toHaveText("is required");
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await captureScreen(page, testInfo, "create-tenant-errors");

  const slug = page.getByLabel("Slug");
  await slug.fill("admin");
  await expect(page.locator("#tenant-slug-error")).toHaveText("The slug is reserved.");
  await slug.fill("a_b");
  await expect(page.locator("#tenant-slug-error")).toContainText("may contain only");
  await slug.fill("acme");
  await expect(page.locator("#tenant-slug-error")).toHaveText("The slug acme is taken.");

  const name = `Created ${prefix}`;
  await page.getByLabel("Name").fill(name);
  await slug.fill(`${prefix}-new`);
  await expect(page.getByTestId("slug-check")).toHaveText(`${prefix}-new is available.`);
  await page.getByLabel("Plan").selectOption("basic");
  await page.getByLabel(/First owner's email/).fill("not-an-email");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.locator("#tenant-owner-error")).toBeVisible();
  await page.getByLabel(/First owner's email/).fill(`owner@${prefix}.test`);
  await page.getByRole("button", { name: "Create tenant" }).click();

  await expect(page.getByTestId("tenant-created")).toContainText(`${name} is ready`);
  await expect(page.getByTestId("invite-url")).toHaveText(
    new RegExp(`^http://${prefix}-new\\.localhost:${PORT}/invite/[A-Za-z0-9_-]{43}$`),
  );
  await expect(page.getByTestId("toast")).toHaveText(`${name} created.`);
  await captureScreen(page, testInfo, "create-tenant-done");
  const created = await platformApi("GET", `/tenants?q=${prefix}-new`);
  expect(created.json.data).toMatchObject([{ slug: `${prefix}-new`, plan: "basic", name }]);
});
