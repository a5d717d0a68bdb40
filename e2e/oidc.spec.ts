import type { Server } from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedInAs, ownAddress } from "./auth";
import { OIDC, startIdentityProvider } from "./fixtures/oidc";
import { PORT, tenantUrl } from "./hosts";

// Single sign-on through a real OpenID Connect provider running in the test
// (oidc-provider): discovery, authorization code with PKCE, ID token. The
// provider proves who someone is; Livery still decides whether they belong
// on this host, and links the provider's identity to an account only after
// its password (H1). Logins: e2e/fixtures/oidc.ts claimsFor.
test.describe.configure({ mode: "serial" }); // one provider, one port
let idp: Server;
const acme = tenantUrl("acme").replace(/\/$/, "");
const ssoButton = (page: Page) => page.getByRole("button", { name: `Sign in with ${OIDC.name}` });

test.beforeAll(async () => {
  idp = await startIdentityProvider(PORT);
});

test.afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
});

async function signInWithSso(page: Page, origin: string, login: string): Promise<void> {
  await ownAddress(page);
  await page.goto(`${origin}/sign-in`);
  await ssoButton(page).click();
  await page.waitForURL(new RegExp(`^${OIDC.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("H1 a tenant user links single sign-on with their password once, then signs in with it directly", async ({ page }) => {
  await signInWithSso(page, acme, "member@acme.test");
  await expect(page).toHaveURL(/\/sign-in\?sso=link$/);
  await expect(page.getByTestId("sso-link")).toContainText("confirmed member@acme.test");
  await expect(page.getByLabel("Email")).toHaveValue("member@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedInAs(page, "member");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/sign-in/);
  // The provider remembers its own session and consent: straight back, signed in.
  await ssoButton(page).click();
  await page.waitForURL(`${acme}/account`);
  await expectSignedInAs(page, "member");
});

test("H1 someone else at the provider with an existing account's address is not signed in", async ({ page }) => {
  await signInWithSso(page, acme, "owner@acme.test#someone-else");
  await expect(page).toHaveURL(/\/sign-in\?sso=link$/);
  await page.goto(`${acme}/account`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("H1 a provider that leaves email_verified out signs nobody in", async ({ page }) => {
  await signInWithSso(page, acme, "viewer@acme.test#unverified");
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await page.goto(`${acme}/account`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an address with no account on this host is refused, with a way forward", async ({ page }) => {
  await signInWithSso(page, acme, "owner@globex.test"); // a real user, of another tenant
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("no account for that address here");
  await page.goto(`${acme}/account`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("H1 the platform host offers no single sign-on unless OIDC_ALLOW_SUPER_ADMINS=true", async ({ page }) => {
  const platform = `http://localhost:${PORT}`;
  await page.goto(`${platform}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(ssoButton(page)).toHaveCount(0);
  const providers = (await (await page.request.get(`${platform}/api/auth/providers`)).json()) as Record<string, unknown>;
  expect(Object.keys(providers)).toEqual(["credentials"]);
});
