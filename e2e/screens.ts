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
 * The screen as test artifacts, each checked with axe: desktop light, desktop
 * dark (its own contrast), and 375 px wide, which must not scroll sideways.
 */
export async function captureScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // The screen as it rests, not under the pointer of the last click.
  await page.mouse.move(0, 0);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath(`${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  // Buttons animate their colours (150 ms): check the dark theme once it has settled.
  await page.waitForTimeout(300);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath(`${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  // Charts take their width from a ResizeObserver, a frame or more after the
  // viewport changes: poll, so the check sees the narrow layout, not the last one.
  await expect
    .poll(() => overflowAt(page), { message: "no horizontal scrolling at 375 px", timeout: 5_000 })
    .toEqual({ overflow: 0, tooWide: "" });
  await page.screenshot({ path: testInfo.outputPath(`${name}-375.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

/**
 * How far the page scrolls sideways, and the innermost elements that stick out
 * past the viewport outside any scrolling box, so a failure names what to fix.
 */
function overflowAt(page: Page): Promise<{ overflow: number; tooWide: string }> {
  return page.evaluate(() => {
    const overflow = Math.max(0, document.documentElement.scrollWidth - window.innerWidth);
    if (overflow === 0) return { overflow, tooWide: "" };
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > window.innerWidth + 0.5;
    const scrolls = (el: Element) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (!sticksOut(el) || Array.from(el.children).some(sticksOut)) continue;
      let parent = el.parentElement;
      while (parent && parent !== document.body && !scrolls(parent)) parent = parent.parentElement;
      if (parent && parent !== document.body) continue;
      found.push(
        `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${(el.textContent ?? "").slice(0, 60)}`,
      );
    }
    return { overflow, tooWide: found.slice(0, 5).join(" | ") };
  });
}
