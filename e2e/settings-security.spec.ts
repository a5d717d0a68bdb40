import { expect, test } from "@playwright/test";
import { expectSignedInAs, signIn } from "./auth";
import { callServerAction } from "./actions";
import { stateOf } from "./fixtures/roles";
import { PORT, rawGet, tenantUrl } from "./hosts";
import { bearer, captureScreen } from "./settings-helpers";

// Umbrella's allowlist is this spec's own: no other spec calls its API, and
// an allowlist on a shared tenant would refuse other specs' keys meanwhile.
const umbrella = tenantUrl("umbrella").replace(/\/$/, "");
const umbrellaHost = `umbrella.localhost:${PORT}`;
const MY_IP = "203.0.113.7";

test("an allowlist that leaves out the admin's address needs a second confirmation, then blocks keys from elsewhere", async ({
  page,
}, testInfo) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": MY_IP });
  await signIn(page, umbrella, "owner@umbrella.test");
  await expectSignedInAs(page, "owner");

  // A key to be blocked, made on the keys page.
  await page.goto(`${umbrella}/settings/api-keys`);
  await page.getByLabel("Name").fill(`allowlist-${Date.now()}`);
  await page.getByRole("checkbox", { name: /read:content/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("secret").textContent())!;

  await page.goto(`${umbrella}/settings/security`);
  await expect(page.getByTestId("current-ip")).toContainText(MY_IP);
  await expect(page.getByText("It does not apply to people signed in")).toBeVisible();
  const list = page.getByLabel(/Addresses and ranges/);

  await list.fill("10.0.0.0/33");
  await page.getByRole("button", { name: "Save security settings" }).click();
  await expect(page.getByText("Line 1 (“10.0.0.0/33”) must be an IP address or CIDR range.")).toBeVisible();
  await expect(list).toHaveAttribute("aria-invalid", "true");

  await list.fill("198.51.100.0/24\n2001:db8::/32");
  await page.getByRole("button", { name: "Save security settings" }).click();
  const warning = page.getByTestId("self-lockout");
  await expect(warning).toContainText(`does not include your address ${MY_IP}`);
  await captureScreen(page, testInfo, "security-confirm");
  // Not saved yet: keys from anywhere still work.
  expect((await rawGet(umbrellaHost, "/api/v1/content", { ...bearer(secret), "x-forwarded-for": MY_IP })).status).toBe(200);

  await warning.getByRole("button", { name: "Save anyway" }).click();
  await expect(page.getByTestId("toast")).toContainText("Security settings saved");

  const blocked = await rawGet(umbrellaHost, "/api/v1/content", { ...bearer(secret), "x-forwarded-for": MY_IP });
  expect(blocked.status).toBe(403);
  expect(JSON.parse(blocked.body).error.code).toBe("ip_not_allowed");
  const listed = await rawGet(umbrellaHost, "/api/v1/content", { ...bearer(secret), "x-forwarded-for": "198.51.100.9" });
  expect(listed.status).toBe(200);

  // Leave umbrella open again.
  await page.reload();
  await list.fill("");
  await page.getByRole("button", { name: "Save security settings" }).click();
  await expect(page.getByTestId("toast")).toContainText("Security settings saved");
  expect((await rawGet(umbrellaHost, "/api/v1/content", { ...bearer(secret), "x-forwarded-for": MY_IP })).status).toBe(200);
});

test.describe("as the stark viewer", () => {
  test.use({ storageState: stateOf("stark-viewer") });

  test("sees the lists read-only, and the save action refuses them", async ({ page }, testInfo) => {
    await page.goto(tenantUrl("stark", "/settings/security"));
    await expect(page.getByLabel(/Addresses and ranges/)).toHaveAttribute("readonly", "");
    await expect(page.getByRole("button", { name: "Save security settings" })).toHaveCount(0);
    await captureScreen(page, testInfo, "security-viewer");
    const call = await callServerAction(page, "/settings/security", "saveSecurityAction", [
      { ipAllowlist: ["10.0.0.1"], allowedDomains: [], excludeSelf: true },
    ]);
    expect(call.body).toContain("needs the write:config permission");
    await page.reload();
    await expect(page.getByLabel(/Addresses and ranges/)).toHaveValue("");
  });
});
