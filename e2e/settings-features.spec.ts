import { expect, test } from "@playwright/test";
import { callServerAction } from "./actions";
import { E2E_KEYS } from "./fixtures/keys";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet, tenantUrl } from "./hosts";
import { bearer, captureScreen } from "./settings-helpers";

// Stark (pro plan) is this spec's own: the demo tenants' flags stay as seeded.
const featuresPage = tenantUrl("stark", "/settings/features");
const starkConfig = async () =>
  JSON.parse((await rawGet(`stark.localhost:${PORT}`, "/api/v1/tenants/current/config", bearer(E2E_KEYS.stark))).body) as {
    effective: { features: Record<string, boolean> };
  };

test.describe("as the stark owner", () => {
  test.use({ storageState: stateOf("stark-owner") });

  test("switches an included feature off and on; others show the plan that has them", async ({ page }, testInfo) => {
    await page.goto(featuresPage);
    await expect(page.getByTestId("feature-fractionalization")).toContainText("Available on Enterprise");
    await expect(page.getByTestId("feature-fractionalization").getByRole("switch")).toHaveCount(0);
    const nft = page.getByRole("switch", { name: "NFTs" });
    await expect(nft).toHaveAttribute("aria-checked", "true");
    await captureScreen(page, testInfo, "features-owner");

    await nft.focus();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("toast")).toContainText("nft is now off");
    expect((await starkConfig()).effective.features.nft).toBe(false);
    await page.reload();
    await expect(nft).toHaveAttribute("aria-checked", "false");

    await nft.click();
    await expect(page.getByTestId("toast").last()).toContainText("nft is now on");
    expect((await starkConfig()).effective.features.nft).toBe(true);
  });
});

test.describe("as the stark viewer", () => {
  test.use({ storageState: stateOf("stark-viewer") });

  test("sees each feature's state without switches, and the action refuses them", async ({ page }, testInfo) => {
    await page.goto(featuresPage);
    // bonds, not nft: the owner's test switches nft meanwhile.
    await expect(page.getByTestId("feature-bonds").getByTestId("feature-state")).toHaveText("On");
    await expect(page.getByRole("switch")).toHaveCount(0);
    await captureScreen(page, testInfo, "features-viewer");
    const call = await callServerAction(page, "/settings/features", "setFeatureAction", [{ feature: "bonds", enabled: false }]);
    expect(call.body).toContain("needs the write:config permission");
    expect((await starkConfig()).effective.features.bonds).toBe(true);
  });
});
