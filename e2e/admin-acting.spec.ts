import { expect, test } from "@playwright/test";
import { stateOf } from "./fixtures/roles";
import { tenantUrl } from "./hosts";
import { captureScreen, PLATFORM, platformApi } from "./admin-helpers";

// "Open as admin": a super-admin opens a tenant's own settings on its host,
// under a banner, with every change audited under the super-admin's name.

test.describe("as a super-admin", () => {
  test.use({ storageState: stateOf("super-admin") });

  test("opens a tenant's portal as admin, changes a feature under a banner, is audited, and leaves", async ({
    page,
    browser,
  }, testInfo) => {
    const slug = `act-${Date.now().toString(36)}`;
    const created = await platformApi("POST", "/tenants", { name: `Acting ${slug}`, slug, plan: "pro" });
    expect(created.status).toBe(201);
    const tenantId = created.json.id as string;

    await page.goto(`${PLATFORM}/admin/tenants/${tenantId}`);
    const ticketRequest = page.waitForRequest((request) => request.url().includes("/act-as?ticket="));
    await page.getByRole("button", { name: "Open as admin" }).click();
    const ticketUrl = (await ticketRequest).url();
    await expect(page).toHaveURL(tenantUrl(slug, "/settings/branding"));
    const banner = page.getByTestId("acting-banner");
    await expect(banner).toContainText("Super-admin");
    await expect(banner).toContainText(`Acting ${slug}`);
    await captureScreen(page, testInfo, "acting-settings");

    // The tenant's own features page, as its admins see it.
    await page.getByRole("link", { name: "Features" }).click();
    await expect(banner).toBeVisible();
    const nft = page.getByRole("switch", { name: "NFTs" });
    const wasOn = (await nft.getAttribute("aria-checked")) === "true";
    await nft.click();
    await expect(page.getByTestId("toast").last()).toContainText(`nft is now ${wasOn ? "off" : "on"}`);

    const audit = await platformApi("GET", `/tenants/${tenantId}/audit-log?limit=20`);
    const actions = audit.json.data as { action: string; actorLabel: string | null; actorType: string }[];
    expect(actions.find((e) => e.action === "tenant.opened_as_admin")).toBeTruthy();
    const change = actions.find((e) => e.action.startsWith("config."));
    expect(change).toMatchObject({ actorType: "USER", actorLabel: expect.stringMatching(/ \(super-admin\)$/) });

    // The link was good once: a second browser that follows it is sent to sign in.
    const other = await browser.newContext();
    const replay = await other.newPage();
    await replay.goto(ticketUrl);
    await expect(replay).toHaveURL(/\/sign-in\?error=ActingLink/);
    await expect(replay.locator("main").getByRole("alert")).toContainText("used or has expired");
    await other.close();

    await banner.getByRole("button", { name: "Leave and go back to the platform" }).click();
    await expect(page).toHaveURL(`${PLATFORM}/admin/tenants/${tenantId}`);
    // The acting session is gone from the tenant's host.
    await page.goto(tenantUrl(slug, "/settings"));
    await expect(page).toHaveURL(/\/sign-in/);

    await platformApi("DELETE", `/tenants/${tenantId}`);
  });

  test("a suspended tenant cannot be opened", async ({ page }) => {
    const slug = `act-s-${Date.now().toString(36)}`;
    const created = await platformApi("POST", "/tenants", { name: `Halted ${slug}`, slug, plan: "basic" });
    await platformApi("POST", `/tenants/${created.json.id}/suspend`, { reason: "e2e" });
    await page.goto(`${PLATFORM}/admin/tenants/${created.json.id}`);
    await expect(page.getByRole("button", { name: "Open as admin" })).toBeDisabled();
    await platformApi("DELETE", `/tenants/${created.json.id}`);
  });
});
