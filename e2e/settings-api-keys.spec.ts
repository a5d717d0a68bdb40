import { expect, test } from "@playwright/test";
import { callServerAction } from "./actions";
import { E2E_KEYS } from "./fixtures/keys";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet, tenantUrl } from "./hosts";
import { bearer, captureScreen, expectNotFound } from "./settings-helpers";

const acmeHost = `acme.localhost:${PORT}`;
const keysPage = tenantUrl("acme", "/settings/api-keys");

test.describe("as the acme owner", () => {
  test.use({ storageState: stateOf("acme-owner") });

  test("creates a key, sees its secret once, uses it, revokes it and is refused", async ({ page }, testInfo) => {
    const name = `ui-key-${Date.now()}`;
    await page.goto(keysPage);
    await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
    await page.getByLabel("Name").fill(name);
    await page.getByRole("checkbox", { name: /read:content/ }).check();
    // The owner may grant everything, ownership included; a key never gets more than its creator.
    await expect(page.getByRole("checkbox", { name: /manage:ownership/ })).toBeVisible();
    await page.getByRole("button", { name: "Create key" }).click();

    const secret = (await page.getByTestId("secret").textContent())!;
    expect(secret).toMatch(/^lv_/);
    await expect(page.getByTestId("secret-reveal")).toContainText("only time it is shown");
    await expect(page.getByTestId("toast")).toContainText(`Key “${name}” created.`);
    const row = page.getByTestId(`key-${name}`);
    await expect(row.getByTestId("key-status")).toHaveText("active");
    await expect(row).toContainText(secret.slice(0, 8));
    await expect(row).toContainText("read:content");
    await captureScreen(page, testInfo, "api-keys-secret");

    const used = await rawGet(acmeHost, "/api/v1/content", bearer(secret));
    expect(used.status).toBe(200);

    await page.getByRole("button", { name: "I have stored it" }).click();
    await expect(page.getByTestId("secret-reveal")).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);

    // Keyboard: the confirmation opens with Enter and Escape closes it without revoking.
    await row.getByRole("button", { name: `Revoke ${name}` }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("api-keys-revoke-dialog.png") });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId("key-status")).toHaveText("active");

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await expect(row.getByTestId("key-status")).toHaveText("revoked");
    await expect(page.getByTestId("toast")).toContainText("Key revoked");

    const refused = await rawGet(acmeHost, "/api/v1/content", bearer(secret));
    expect(refused.status).toBe(401);
    // One answer for a key that is not valid, whatever the reason (H13).
    expect(JSON.parse(refused.body).error.code).toBe("invalid_api_key");
  });

  test("H7: rotating shows the new secret once, lists the key once with its previous secret, and revoking ends both", async ({
    page,
  }) => {
    const name = `ui-rotate-${Date.now()}`;
    await page.goto(keysPage);
    await page.getByLabel("Name").fill(name);
    await page.getByRole("checkbox", { name: /read:content/ }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const oldSecret = (await page.getByTestId("secret").textContent())!;
    await page.getByRole("button", { name: "I have stored it" }).click();

    const row = page.getByTestId(`key-${name}`).first();
    await row.getByRole("button", { name: `Rotate ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Rotate “${name}”?` });
    await dialog.getByLabel("Old secret keeps working for").selectOption("1");
    await dialog.getByRole("button", { name: "Rotate key" }).click();
    const newSecret = (await page.getByTestId("secret").textContent())!;
    expect(newSecret).not.toBe(oldSecret);
    await expect(page.getByTestId("grace-note")).toContainText("keeps working until");

    // One key (a rotation chain), rotating while the old secret still works.
    await expect(page.getByTestId(`key-${name}`)).toHaveCount(1);
    await expect(row.getByTestId("key-status")).toHaveText("rotating");
    await expect(row.getByTestId("previous-secret")).toContainText(`Previous secret ${oldSecret.slice(0, 10)}… expires in`);
    expect((await rawGet(acmeHost, "/api/v1/content", bearer(oldSecret))).status).toBe(200);
    expect((await rawGet(acmeHost, "/api/v1/content", bearer(newSecret))).status).toBe(200);

    await page.getByRole("button", { name: "I have stored it" }).click();
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const revoke = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await expect(revoke).toContainText(oldSecret.slice(0, 10));
    await revoke.getByRole("button", { name: "Revoke key" }).click();
    await expect(row.getByTestId("key-status")).toHaveText("revoked");
    for (const secret of [oldSecret, newSecret]) {
      expect((await rawGet(acmeHost, "/api/v1/content", bearer(secret))).status).toBe(401);
    }
  });

  test("a form with no permission chosen shows the field error and creates nothing", async ({ page }) => {
    await page.goto(keysPage);
    await page.getByLabel("Name").fill("no-permissions");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText("Permissions must name at least one permission")).toBeVisible();
    await expect(page.getByTestId("secret-reveal")).toHaveCount(0);
    await expect(page.getByTestId("key-no-permissions")).toHaveCount(0);
  });
});

test.describe("as an acme viewer", () => {
  test.use({ storageState: stateOf("acme-viewer") });

  test("the page does not exist for them, and the create action refuses them", async ({ page }) => {
    await expectNotFound(page, keysPage);
    await expect(page.getByRole("heading", { name: "API keys" })).toHaveCount(0);
    await page.goto(tenantUrl("acme", "/settings/features"));
    const name = `viewer-sneak-${Date.now()}`;
    const call = await callServerAction(page, "/settings/api-keys", "createApiKeyAction", [
      { name, permissions: ["read:content"] },
    ]);
    expect(call.body).toContain("needs the write:keys permission");
    expect(call.body).not.toContain("lv_");
    const list = await rawGet(acmeHost, "/api/v1/tenants/current/api-keys?limit=100", bearer(E2E_KEYS.acme));
    expect(list.body).not.toContain(name);
  });
});
