import { expect, test } from "@playwright/test";
import { callServerAction } from "./actions";
import { E2E_KEYS } from "./fixtures/keys";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet, rgb, tenantUrl } from "./hosts";
import { bearer, captureScreen } from "./settings-helpers";
import { TINY_PNG_BASE64 } from "@/tests/fixtures/hostile";

// Stark is this spec's; only its accent, logo changes here (e2e/api.spec.ts
// asserts and changes its primary colour).
const brandingPage = tenantUrl("stark", "/settings/branding");
const ACCENT = "#6b21a8";

test.describe("as the stark owner", () => {
  test.use({ storageState: stateOf("stark-owner") });

  test("checks contrast as you type, previews, saves, and the home page shows it", async ({ page }, testInfo) => {
    await page.goto(brandingPage);
    const accent = page.getByLabel("Accent colour", { exact: true });
    const save = page.getByRole("button", { name: "Save branding" });
    await expect(save).toBeDisabled();

    await accent.fill("#ffff00");
    await expect(page.getByText(/Accent #ffff00 on the page background #ffffff has contrast 1\.07:1/)).toBeVisible();
    await expect(save).toBeDisabled();

    await accent.fill(ACCENT);
    await expect(page.getByTestId("contrast-status")).toContainText("Readable");
    const preview = page.getByTestId("brand-preview");
    await expect(preview.getByTestId("accent-chip")).toHaveCSS("background-color", rgb(ACCENT));
    // The page itself keeps the saved brand until saving.
    await expect(page.getByRole("button", { name: "Save branding" })).toBeEnabled();

    await page.getByLabel(/Custom CSS/).fill("@import url(https://evil.test/x.css);\n.tenant-hero h1 { color: #123456; }");
    await expect(page.getByTestId("css-removed")).toContainText("@import is not allowed");
    // What the sanitiser keeps applies to the preview at once (CSP nonce), and to nothing else.
    await expect(preview.locator(".tenant-hero h1")).toHaveCSS("color", rgb("#123456"));
    await expect(page.getByRole("heading", { name: "Branding", level: 1 })).not.toHaveCSS("color", rgb("#123456"));
    await page.getByLabel(/Custom CSS/).fill("");
    await captureScreen(page, testInfo, "branding-editing");

    await save.click();
    await expect(page.getByTestId("toast")).toContainText("Branding saved");
    await page.goto(tenantUrl("stark"));
    await expect(page.getByTestId("accent-chip")).toHaveCSS("background-color", rgb(ACCENT));
  });

  test("discard puts back the saved colours", async ({ page }) => {
    await page.goto(brandingPage);
    const primary = page.getByLabel("Primary colour", { exact: true });
    const before = await primary.inputValue();
    await primary.fill("#000000");
    await page.getByRole("button", { name: "Discard changes" }).click();
    await expect(primary).toHaveValue(before);
    await expect(page.getByRole("button", { name: "Save branding" })).toBeDisabled();
  });

  test("uploads a logo through the file input and the home page shows it", async ({ page }) => {
    await page.goto(brandingPage);
    await page.getByLabel("Logo", { exact: true }).setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from(TINY_PNG_BASE64, "base64"),
    });
    await expect(page.getByTestId("toast")).toContainText("Logo uploaded");
    // The upload route checks what it is given: one byte is no image.
    const junk = await page.evaluate(async () => {
      const response = await fetch("/settings/branding/upload?kind=LOGO", {
        method: "POST",
        headers: { "content-type": "image/png" },
        body: new Uint8Array([1]),
      });
      return response.status;
    });
    expect(junk).toBe(415);
    await page.goto(tenantUrl("stark"));
    await expect(page.getByRole("img", { name: "Stark Industries logo" })).toBeVisible();
  });
});

test.describe("as the stark viewer", () => {
  test.use({ storageState: stateOf("stark-viewer") });

  test("sees the branding read-only, and saving directly is refused", async ({ page }, testInfo) => {
    await page.goto(brandingPage);
    await expect(page.getByLabel("Primary colour", { exact: true })).toHaveAttribute("readonly", "");
    await expect(page.getByRole("button", { name: "Save branding" })).toHaveCount(0);
    await expect(page.getByLabel("Logo", { exact: true })).toHaveCount(0);
    await captureScreen(page, testInfo, "branding-viewer");
    const call = await callServerAction(page, "/settings/branding", "saveBrandingAction", [{ accentColor: "#14532d" }]);
    expect(call.body).toContain("needs the write:config permission");
    const config = await rawGet(`stark.localhost:${PORT}`, "/api/v1/tenants/current/config", bearer(E2E_KEYS.stark));
    expect(JSON.parse(config.body).branding.accentColor).not.toBe("#14532d");
    // Nor can a viewer upload by calling the upload route directly.
    const upload = await page.evaluate(async () => {
      const response = await fetch("/settings/branding/upload?kind=LOGO", {
        method: "POST",
        headers: { "content-type": "image/png" },
        body: new Uint8Array([137, 80, 78, 71]),
      });
      return { status: response.status, body: await response.text() };
    });
    expect(upload.status).toBe(403);
    expect(upload.body).toContain("insufficient_permissions");
  });
});
