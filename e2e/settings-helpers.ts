import { expect, type Page } from "@playwright/test";

export { captureScreen, expectAccessible } from "./screens";

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/**
 * A page the role may not open. Pages with a loading.tsx have started
 * streaming (200) before the access check runs, so the not-found page's
 * content is what proves the refusal.
 */
export async function expectNotFound(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
}
