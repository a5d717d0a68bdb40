import type { Server } from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { expectSignedInAs, ownAddress } from "./auth";
import { OIDC, startIdentityProvider } from "./fixtures/oidc";
import { PORT, tenantUrl } from "./hosts";

// Single sign-on through a real OpenID Connect provider running in the test
// (oidc-provider): discovery, authorization code with PKCE, ID token. The
// provider proves who someone is; Livery still decides whether they belong
// on this host.
test.describe.configure({ mode: "serial" }); // one provider, one port
let idp: Server;

test.beforeAll(async () => {
  idp = await startIdentityProvider(PORT);
});

test.afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
});

async function signInWithSso(page: Page, origin: string, login: string): Promise<void> {
  await ownAddress(page);
  await page.goto(`${origin}/sign-in`);
  await page.getByRole("button", { name: `Sign in with ${OIDC.name}` }).click();
  await page.waitForURL(new RegExp(`^${OIDC.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a tenant user signs in with the identity provider on their own host", async ({ page }) => {
  const acme = tenantUrl("acme").replace(/\/$/, "");
  await signInWithSso(page, acme, "member@acme.test");
  await page.goto(`${acme}/account`);
  await expectSignedInAs(page, "member");
});

test("an address with no account on this host is refused, with a way forward", async ({ page }) => {
  const acme = tenantUrl("acme").replace(/\/$/, "");
  await signInWithSso(page, acme, "owner@globex.test"); // a real user, of another tenant
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("no account for that address here");
  await page.goto(`${acme}/account`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a super-admin signs in with the identity provider on the platform host only", async ({ page }) => {
  const platform = `http://localhost:${PORT}`;
  await signInWithSso(page, platform, "admin@livery.test");
  await page.goto(`${platform}/account`);
  await expectSignedInAs(page, "super admin");
});
