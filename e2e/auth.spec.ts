import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedInAs, ownAddress, signIn } from "./auth";
import { stateOf } from "./fixtures/roles";
import { PORT, tenantUrl } from "./hosts";

const platform = `http://localhost:${PORT}`;
const acme = tenantUrl("acme").replace(/\/$/, "");
const globex = tenantUrl("globex").replace(/\/$/, "");

test.beforeEach(async ({ page }) => {
  await ownAddress(page);
});

const ROLES = [
  ["owner", "owner", true],
  ["admin", "admin", true],
  ["member", "member", false],
  ["viewer", "viewer", false],
] as const;

// Signed in once per role by e2e/auth.setup.ts, through the form on acme's host.
for (const [user, role, canWriteConfig] of ROLES) {
  test(`a tenant ${role} is signed in on the tenant's own host`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ storageState: stateOf(`acme-${user}`) });
    const page = await context.newPage();
    await page.goto(`${acme}/account`);
    await expectSignedInAs(page, role);
    await expect(page).toHaveTitle("Your account · Acme Corporation");
    const permissions = page.getByTestId("permissions");
    await expect(permissions.getByText("read:content", { exact: true })).toBeVisible();
    await expect(permissions.getByText("write:config", { exact: true })).toHaveCount(canWriteConfig ? 1 : 0);
    if (role === "viewer") await expect(permissions.getByText(/^write:/)).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath(`account-${role}.png`), fullPage: true });
    // The same saved session means nothing on another tenant's host.
    await page.goto(`${globex}/account`);
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });
}

test("a super-admin signs in on the platform host", async ({ page }) => {
  await signIn(page, platform, "admin@livery.test");
  await expectSignedInAs(page, "super admin");
  await expect(page).toHaveTitle("Your account · Livery");
});

test("a tenant user cannot sign in on another tenant's host, nor a super-admin on a tenant host", async ({ page }) => {
  for (const [origin, email] of [
    [globex, "owner@acme.test"],
    [acme, "admin@livery.test"],
    [platform, "owner@acme.test"],
  ] as const) {
    await signIn(page, origin, email);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  }
});

test("an unknown email and a wrong password get the same answer", async ({ page }) => {
  await signIn(page, acme, "nobody@acme.test");
  const unknown = await page.locator("form").getByRole("alert").textContent();
  await signIn(page, acme, "owner@acme.test", "wrong password here");
  await expect(page.locator("form").getByRole("alert")).toHaveText(unknown!);
});

test("a session copied to another tenant's host is refused there", async ({ page, context }) => {
  await signIn(page, acme, "owner@acme.test");
  await expectSignedInAs(page, "owner");
  const session = (await context.cookies(acme)).find((c) => c.name.endsWith("session-token"))!;
  expect(session.httpOnly).toBe(true);
  await context.addCookies([{ ...session, domain: "globex.localhost" }]);
  await page.goto(`${globex}/account`);
  await expect(page).toHaveURL(`${globex}/sign-in?callbackUrl=/account`);
  await context.addCookies([{ ...session, domain: "localhost" }]);
  await page.goto(`${platform}/account`);
  await expect(page).toHaveURL(`${platform}/sign-in?callbackUrl=/account`);
});

test("five failures lock the account for a while, with a clear message", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await ownAddress(page); // many addresses: the account itself is what gets locked
    await signIn(page, globex, "member@globex.test", `wrong password ${i}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  }
  await ownAddress(page);
  await signIn(page, globex, "member@globex.test", DEMO_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many failed attempts. Wait 15 minutes, then try again.");
});

test("signing out everywhere ends the session", async ({ page }) => {
  await signIn(page, tenantUrl("hooli").replace(/\/$/, ""), "admin@hooli.test");
  await expectSignedInAs(page, "admin");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto(tenantUrl("hooli", "/account"));
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=\/account$/);
});
