import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** No serious or critical axe violations (WCAG 2 A and AA) on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/**
 * Screenshots of the page as test artifacts: desktop light, desktop dark and
 * 375 px wide, each checked with axe (the dark one has its own contrast).
 */
export async function captureEveryway(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath(`${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath(`${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: testInfo.outputPath(`${name}-375.png`), fullPage: true });
  expect(overflow, "no horizontal scrolling at 375 px").toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

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
