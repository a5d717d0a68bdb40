import { expect, test } from "@playwright/test";
import { expectSignedInAs, ownAddress, signIn } from "./auth";
import { callServerAction } from "./actions";
import { stateOf } from "./fixtures/roles";
import { tenantUrl } from "./hosts";

const acme = tenantUrl("acme").replace(/\/$/, "");

test.beforeEach(async ({ page }) => {
  await ownAddress(page);
});

test("an owner invites someone, who accepts the link and is signed in on the tenant's host", async ({
  page,
  browser,
}, testInfo) => {
  const email = `invitee-${Date.now()}@acme.test`;
  await signIn(page, acme, "owner@acme.test");
  await expectSignedInAs(page, "owner");
  await page.goto(`${acme}/members`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!;
  expect(link).toMatch(new RegExp(`^${acme}/invite/[A-Za-z0-9_-]{43}$`));
  await page.screenshot({ path: testInfo.outputPath("members-owner.png"), fullPage: true });

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await ownAddress(invitee);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Acme Corporation" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Invited Person");
  await invitee.getByLabel(/Choose a password/).fill("a long enough passphrase");
  await invitee.getByRole("button", { name: "Join" }).click();
  await expectSignedInAs(invitee, "viewer");

  // The link works once.
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await guest.close();

  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toContainText("Invited Person");
});

test.describe("as the saved viewer session", () => {
  test.use({ storageState: stateOf("acme-viewer") });

  test("a viewer sees the members but no way to change them", async ({ page }) => {
    await page.goto(`${acme}/members`);
    await expect(page.getByTestId("members")).toContainText("owner@acme.test");
    await expect(page.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
    await expect(page.getByRole("combobox")).toHaveCount(0);
  });
});

test("the last owner cannot demote themselves", async ({ page }) => {
  await signIn(page, tenantUrl("globex").replace(/\/$/, ""), "owner@globex.test");
  await expectSignedInAs(page, "owner");
  await page.goto(tenantUrl("globex", "/members"));
  await page.getByTestId("member-owner@globex.test").getByRole("combobox").selectOption("ADMIN");
  await expect(page.getByTestId("member-owner@globex.test").getByRole("alert")).toHaveText(/at least one owner/);
});

test("members and invitations pages are tenant pages only", async ({ page }) => {
  expect((await page.goto("/members"))?.status()).toBe(404);
  expect((await page.goto("/invite/whatever"))?.status()).toBe(404);
});

test("a viewer calling the role-change action directly is refused, and nothing changes", async ({ page, browser }) => {
  // The owner's page reveals the admin's id (the viewer's does not).
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await ownAddress(owner);
  await signIn(owner, acme, "owner@acme.test");
  await expectSignedInAs(owner, "owner");
  await owner.goto(`${acme}/members`);
  const adminId = (await owner.getByTestId("member-admin@acme.test").getByRole("combobox").getAttribute("id"))!.replace(
    "role-",
    "",
  );
  await ownerContext.close();

  await signIn(page, acme, "viewer@acme.test");
  await expectSignedInAs(page, "viewer");
  const response = await callServerAction(page, "/members", "changeRoleAction", [{ userId: adminId, role: "VIEWER" }]);
  expect(response.status).toBe(200);
  expect(response.body).toContain("Your role cannot do this (it needs the write:members permission).");

  await page.goto(`${acme}/members`);
  await expect(page.getByTestId("member-admin@acme.test")).toContainText("· admin ·");
});

test("a signed-out request to a member action changes nothing", async ({ page }) => {
  await page.goto(acme);
  const response = await callServerAction(page, "/members", "removeMemberAction", [
    { userId: "00000000-0000-4000-8000-000000000000" },
  ]);
  expect(response.body).toContain("Your session has ended. Sign in again.");
});
