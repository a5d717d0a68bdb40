import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "livery-demo-password";

let nextIp = 1;
/** A client address of its own for this page, so throttling stays per test. */
export async function ownAddress(page: Page): Promise<string> {
  const ip = `198.18.${Math.floor(Math.random() * 200)}.${nextIp++ % 250}`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  return ip;
}

export async function signIn(page: Page, origin: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function expectSignedInAs(page: Page, role: string): Promise<void> {
  await page.waitForURL(/\/account$/);
  await expect(page.getByTestId("account-role")).toHaveText(role);
}
