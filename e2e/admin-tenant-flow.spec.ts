import { expect, test } from "@playwright/test";
import { stateOf } from "./fixtures/roles";
import { rawGet, PORT } from "./hosts";
import { captureScreen, PLATFORM, platformApi } from "./admin-helpers";

test.use({ storageState: stateOf("super-admin") });

// One tenant's life as a super-admin sees it: create → configure → keys →
// suspend → activate → delete, each step checked through the REST API too.
test("create, configure, suspend, activate and delete a tenant", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const slug = `flow-${Date.now().toString(36)}`;
  await page.goto(`${PLATFORM}/admin/tenants/new`);
  await page.getByLabel("Name").fill("Flow Industries");
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Plan").selectOption("pro");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await page.getByRole("link", { name: "Open Flow Industries" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flow Industries");
  const id = page.url().split("/").at(-1)!;
  await expect(page.getByTestId("tenant-plan")).toHaveText("pro");
  await captureScreen(page, testInfo, "tenant-overview");

  // Configure: a feature, a limit override, the plan.
  const tabs = page.getByRole("navigation", { name: "Tenant sections" });
  await tabs.getByRole("link", { name: "Configuration" }).click();
  await page.getByLabel("nft").check();
  await page.getByRole("button", { name: "Save features" }).click();
  await expect(page.getByTestId("toast").last()).toHaveText("Features saved.");
  await page.getByLabel("API keys").fill("3");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByTestId("toast").last()).toHaveText("Flow Industries updated.");
  await page.getByLabel("Members").fill("-1");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.locator("#limit-users-error")).toBeVisible();
  await page.getByLabel("Members").fill("");
  const tenant = (await platformApi("GET", `/tenants/${id}`)).json;
  expect(tenant.limitOverrides).toEqual({ apiKeys: 3 });
  const config = (await platformApi("GET", `/tenants/${id}/config`)).json;
  expect(config.features).toMatchObject({ nft: true });
  // Branding: contrast checked as you type, a live preview, saved through the config service.
  await page.getByLabel("Accent colour", { exact: true }).fill("#ffff00");
  await expect(page.locator("#brand-accent-error")).toBeVisible();
  await page.getByLabel("Accent colour", { exact: true }).fill("#0e7490");
  await page.getByLabel("Primary colour", { exact: true }).fill("#be123c");
  await expect(page.getByTestId("brand-preview").locator("span", { hasText: "Flow Industries" })).toBeVisible();
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByTestId("toast").last()).toHaveText("Branding saved.");
  expect((await platformApi("GET", `/tenants/${id}/config`)).json.branding).toMatchObject({ primaryColor: "#be123c" });
  await captureScreen(page, testInfo, "tenant-config");

  // API keys: the secret once, with a copy button; revoke.
  await tabs.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByTestId("keys-empty")).toBeVisible();
  await captureScreen(page, testInfo, "tenant-keys-empty");
  await page.getByLabel("Key name").fill("ci");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("secret")).toHaveText(/^lv_[A-Za-z0-9]{40}$/);
  const secret = (await page.getByTestId("secret").textContent())!;
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  await captureScreen(page, testInfo, "tenant-key-secret");
  const info = await rawGet(`${slug}.localhost:${PORT}`, "/api/v1/tenants/current/info", { authorization: `Bearer ${secret}` });
  expect(info.status).toBe(200);
  await page.getByRole("button", { name: "I have stored it" }).click();
  await page.getByRole("button", { name: "Revoke ci" }).click();
  await page.getByRole("dialog", { name: "Revoke “ci”?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("key-ci")).toContainText("revoked");
  const revoked = await rawGet(`${slug}.localhost:${PORT}`, "/api/v1/tenants/current/info", {
    authorization: `Bearer ${secret}`,
  });
  expect(revoked.status).toBe(401);

  for (const [tab, name] of [
    ["Domains", "tenant-domains"],
    ["Usage", "tenant-usage"],
    ["Members", "tenant-members"],
    ["Audit log", "tenant-audit"],
  ] as const) {
    await tabs.getByRole("link", { name: tab }).click();
    await expect(tabs.getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
    await captureScreen(page, testInfo, name);
  }
  await expect(page.getByTestId("audit-table")).toContainText("api_key.revoked");
  await expect(page.getByTestId("audit-table")).toContainText("admin@livery.test");

  // Suspend: a reason is required, and a dialog confirms.
  await page.getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByRole("dialog", { name: "Suspend Flow Industries?" });
  await dialog.getByRole("button", { name: "Suspend tenant" }).click();
  await expect(dialog.getByLabel(/Reason/)).toHaveJSProperty("validity.valid", false);
  await dialog.getByLabel(/Reason/).fill("Unpaid invoice");
  await captureScreen(page, testInfo, "tenant-suspend-dialog");
  await dialog.getByRole("button", { name: "Suspend tenant" }).click();
  await expect(page.getByTestId("tenant-status")).toHaveText("Suspended");
  await expect(page.getByTestId("suspended-note")).toContainText("Unpaid invoice");
  expect((await rawGet(`${slug}.localhost:${PORT}`, "/")).status).toBe(403);

  await page.getByRole("button", { name: "Activate" }).click();
  await page.getByRole("dialog", { name: "Activate Flow Industries?" }).getByRole("button", { name: "Activate tenant" }).click();
  await expect(page.getByTestId("tenant-status")).toHaveText("Active");
  expect((await platformApi("GET", `/tenants/${id}`)).json.status).toBe("ACTIVE");

  // Delete: only with the slug typed.
  await page.getByRole("button", { name: "Delete" }).click();
  const del = page.getByRole("dialog", { name: "Delete Flow Industries?" });
  await del.getByLabel(`Type ${slug} to confirm`).fill("wrong");
  await del.getByRole("button", { name: "Delete tenant" }).click();
  await expect(del.locator("#confirm-slug-error")).toHaveText("The slug does not match.");
  expect((await platformApi("GET", `/tenants/${id}`)).status).toBe(200);
  await captureScreen(page, testInfo, "tenant-delete-dialog");
  await del.getByLabel(`Type ${slug} to confirm`).fill(slug);
  await del.getByRole("button", { name: "Delete tenant" }).click();
  await expect(page).toHaveURL(`${PLATFORM}/admin/tenants`);
  await expect(page.getByTestId("toast").last()).toHaveText("Flow Industries was deleted.");
  expect((await platformApi("GET", `/tenants/${id}`)).status).toBe(404);
  // The Edge directory's entry for the host expires within seconds (docs/tenancy.md).
  await expect.poll(async () => (await rawGet(`${slug}.localhost:${PORT}`, "/")).status, { timeout: 10_000 }).toBe(404);
});

test("an unknown tenant id is a 404 page", async ({ page }) => {
  expect((await page.goto(`${PLATFORM}/admin/tenants/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
  expect((await page.goto(`${PLATFORM}/admin/tenants/not-a-uuid/keys`))?.status()).toBe(404);
});
