import { expect, test } from "@playwright/test";
import { ownAddress } from "./auth";
import { stateOf } from "./fixtures/roles";
import { tenantUrl } from "./hosts";
import { callAdminAction, PLATFORM, platformApi, tenantIdOf } from "./admin-helpers";

// The dashboard is for super-admins on the platform host only: pages and
// Server Actions both refuse everyone else, whatever the page showed.

const PAGES = ["/admin", "/admin/tenants", "/admin/tenants/new", "/admin/keys", "/admin/audit"];

test.beforeEach(async ({ page }) => {
  await ownAddress(page);
});

test("a signed-out visitor is sent to sign in, and back afterwards", async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(`${PLATFORM}${path}`);
    await expect(page).toHaveURL(`${PLATFORM}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  const acmeId = await tenantIdOf("acme");
  await page.goto(`${PLATFORM}/admin/tenants/${acmeId}/keys`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(`/admin/tenants/${acmeId}/keys`)}`));
});

test("a signed-out visitor's direct action calls are refused and change nothing", async ({ page }) => {
  await page.goto(`${PLATFORM}/sign-in`);
  const slug = `signed-out-${Date.now()}`;
  const form = await callAdminAction(page, "/", "checkSlugAction", [{ slug: "fresh-slug" }]);
  expect(form.body).toContain("Your session has ended");
  const acmeId = await tenantIdOf("acme");
  const suspend = await callAdminAction(page, "/", "suspendTenantAction", [{ tenantId: acmeId, reason: "hostile" }]);
  expect(suspend.body).toContain("Your session has ended");
  const remove = await callAdminAction(page, "/", "deleteTenantAction", [{ tenantId: acmeId, slug: "acme" }]);
  expect(remove.body).toContain("Your session has ended");
  const acme = await platformApi("GET", `/tenants/${acmeId}`);
  expect(acme.json).toMatchObject({ slug: "acme", status: "ACTIVE" });
  expect((await platformApi("GET", `/tenants?q=${slug}`)).json.data).toEqual([]);
});

test.describe("a tenant admin", () => {
  test.use({ storageState: stateOf("acme-admin") });

  test("gets 404 for every admin page on their tenant's host", async ({ page }) => {
    for (const path of PAGES) {
      const response = await page.goto(tenantUrl("acme", path));
      expect(response?.status(), path).toBe(404);
    }
    const acmeId = await tenantIdOf("acme");
    expect((await page.goto(tenantUrl("acme", `/admin/tenants/${acmeId}`)))?.status()).toBe(404);
  });

  test("is signed out on the platform host (sessions are bound to their host)", async ({ page }) => {
    await page.goto(`${PLATFORM}/admin/tenants`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("calling the dashboard's actions directly is refused, and nothing changes", async ({ page }) => {
    await page.goto(tenantUrl("acme", "/account"));
    const acmeId = await tenantIdOf("acme");
    const globexId = await tenantIdOf("globex");
    // Posted to the page that holds each action (Next runs it there, before the page's own 404).
    for (const [path, name, args] of [
      [`/admin/tenants/${globexId}`, "suspendTenantAction", [{ tenantId: globexId, reason: "taking over" }]],
      [`/admin/tenants/${globexId}`, "deleteTenantAction", [{ tenantId: globexId, slug: "globex" }]],
      [`/admin/tenants/${acmeId}/config`, "updateTenantAction", [{ tenantId: acmeId, plan: "enterprise" }]],
      [
        `/admin/tenants/${acmeId}/keys`,
        "createTenantKeyAction",
        [{ tenantId: acmeId, name: "stolen", permissions: ["read:content"] }],
      ],
      ["/admin/tenants/new", "createTenantAction", [null, {}]],
      [`/admin/tenants/${globexId}`, "openAsAdminAction", [{ tenantId: globexId }]],
    ] as const) {
      const result = await callAdminAction(page, path, name, [...args]);
      expect(result.body, name).toContain("Only a super-admin");
    }
    expect((await platformApi("GET", `/tenants/${globexId}`)).json).toMatchObject({ status: "ACTIVE" });
    expect((await platformApi("GET", `/tenants/${acmeId}`)).json).toMatchObject({ plan: "pro" });
  });
});
