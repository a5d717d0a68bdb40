import fs from "node:fs";
import { chromium } from "@playwright/test";

// Playwright cannot download its own browser on machines without general
// internet access, so a system Chromium is used where one is installed.
const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

const NO_BROWSER_MESSAGE = [
  "No browser for the end-to-end tests.",
  "Install one of:",
  "  - Playwright's Chromium:   npx playwright install chromium",
  "  - a system Chromium:       sudo apt-get install chromium   (used from /usr/bin/chromium)",
  "or point CHROMIUM_PATH at a Chromium or Chrome executable.",
].join("\n");

/**
 * The Chromium to launch: CHROMIUM_PATH, else a system Chromium, else
 * Playwright's own (undefined). Throws with install instructions when there
 * is none, before the app is built.
 */
export function chromiumExecutable(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist.\n\n${NO_BROWSER_MESSAGE}`);
    return configured;
  }
  const system = SYSTEM_CHROMIUMS.find((candidate) => fs.existsSync(candidate));
  if (system) return system;
  if (fs.existsSync(chromium.executablePath())) return undefined;
  throw new Error(NO_BROWSER_MESSAGE);
}
