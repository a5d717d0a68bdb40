import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedInAs, ownAddress, signIn } from "./auth";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet, rawRequest, tenantUrl } from "./hosts";

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

test("H4 failures back an account off for a while, with a clear message, but a known client still signs in", async ({
  page,
  browser,
}) => {
  // This browser signed in to the account before: it is a known client.
  const known = await browser.newContext();
  const knownPage = await known.newPage();
  await ownAddress(knownPage);
  await signIn(knownPage, globex, "member@globex.test");
  await expectSignedInAs(knownPage, "member");
  const cookie = (await known.cookies(globex)).find((c) => c.name.endsWith("known-client"))!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(cookie.expires - Date.now() / 1000).toBeGreaterThan(90 * 24 * 60 * 60);
  await knownPage.getByRole("button", { name: "Sign out", exact: true }).click();
  await knownPage.waitForURL(/\/sign-in/);

  // Someone else fails at the account from many addresses, straight at the
  // endpoint. The first five failures are free; then each must wait out the
  // last one's back-off (answered 429 with Retry-After): after eight, 8 s.
  const host = `globex.localhost:${PORT}`;
  let failures = 0;
  for (let attempt = 0; failures < 8 && attempt < 30; attempt++) {
    const ip = `198.19.${attempt}.1`;
    const csrf = await rawGet(host, "/api/auth/csrf", { "x-forwarded-for": ip });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    const form = new URLSearchParams({ csrfToken, email: "member@globex.test", password: `wrong ${attempt}`, json: "true" });
    const response = await rawRequest(
      "POST",
      host,
      "/api/auth/callback/credentials",
      { "x-forwarded-for": ip, cookie, "content-type": "application/x-www-form-urlencoded" },
      form.toString(),
    );
    if (response.status === 401) failures++;
    else {
      expect(response.status).toBe(429);
      await page.waitForTimeout(Number(response.headers["retry-after"]) * 1000);
    }
  }
  expect(failures).toBe(8);
  await ownAddress(page);
  await signIn(page, globex, "member@globex.test", DEMO_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "Too many failed attempts. Wait a little, then try again: the wait grows with each failure.",
  );

  await signIn(knownPage, globex, "member@globex.test");
  await expectSignedInAs(knownPage, "member");
  await known.close();
});

test("H2 a callbackUrl that would leave the host lands on the host, and odd characters do not break the page", async ({
  page,
}) => {
  for (const target of ["/%09/evil.example", "/%5C/evil.example", "%20/%0A/evil.example"]) {
    await ownAddress(page);
    await page.goto(`${acme}/sign-in?callbackUrl=${target}`);
    await page.getByLabel("Email").fill("viewer@acme.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    expect(new URL(page.url()).origin).toBe(acme);
    await page.context().clearCookies();
  }
  for (const target of ["%00", "%C3%A9t%C3%A9", "%E2%80%A8", "%ED%A0%80"]) {
    expect((await page.goto(`${acme}/sign-in?callbackUrl=/${target}`))?.status()).toBe(200);
  }
});

test("signing out everywhere ends the session", async ({ page }) => {
  await signIn(page, tenantUrl("hooli").replace(/\/$/, ""), "admin@hooli.test");
  await expectSignedInAs(page, "admin");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto(tenantUrl("hooli", "/account"));
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=\/account$/);
});
