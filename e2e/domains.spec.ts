import { expect, test } from "@playwright/test";
import { startDnsServer } from "@/tests/helpers/dns-server";
import { expectSignedInAs, ownAddress, signIn } from "./auth";
import { DNS_PORT, PORT, TENANTS, rgb, tenantUrl } from "./hosts";

// The app resolves TXT records through DNS_RESOLVER=127.0.0.1:DNS_PORT
// (playwright.config.ts); this test is that DNS server.
test("a custom domain routes to its tenant once its TXT record verifies", async ({ page, browser }) => {
  const records = new Map<string, string[]>();
  const dns = await startDnsServer(records, DNS_PORT);
  try {
    const hostname = `shop-${Date.now()}.acme-e2e.test`;
    await ownAddress(page);
    await signIn(page, tenantUrl("acme").replace(/\/$/, ""), "owner@acme.test");
    await expectSignedInAs(page, "owner");
    await page.goto(tenantUrl("acme", "/settings/domains"));
    await page.getByLabel("Domain").fill(hostname);
    await page.getByRole("button", { name: "Add domain" }).click();
    const row = page.getByTestId(`domain-${hostname}`);
    await expect(row.getByTestId("domain-status")).toContainText("Pending — verify by");
    const token = (await row.getByTestId("txt-value").textContent())!;

    // Unverified: not routed.
    const visitor = await browser.newPage();
    expect((await visitor.goto(`http://${hostname}:${PORT}/`))?.status()).toBe(404);

    await row.getByRole("button", { name: "Verify" }).click();
    await expect(row.getByRole("alert")).toContainText(`No TXT record found at _livery.${hostname}`);

    records.set(`_livery.${hostname}`, [token]);
    // Where the name points is checked with its TXT record; without EDGE_HOSTNAME the edge is ROOT_DOMAIN.
    records.set(`CNAME ${hostname}`, ["localhost"]);
    await row.getByRole("button", { name: "Verify" }).click();
    await expect(row.getByRole("status")).toHaveText(`${hostname} is verified.`);
    await page.reload();
    const verified = page.getByTestId(`domain-${hostname}`);
    await expect(verified.getByTestId("domain-status")).toHaveText("Verified");
    await expect(verified.getByTestId("dns-status")).toHaveText("Points here CNAME localhost");
    await expect(verified.getByTestId("edge-status")).toHaveText("Allowed, no visit yet");

    // Routed within the directory's 2 s negative cache.
    await expect(async () => {
      const response = await visitor.goto(`http://${hostname}:${PORT}/`);
      expect(response?.status()).toBe(200);
    }).toPass({ timeout: 10_000 });
    await expect(visitor).toHaveTitle(TENANTS.acme.name);
    await expect(visitor.locator("header").first()).toHaveCSS("background-color", rgb(TENANTS.acme.primary));
    await visitor.close();
  } finally {
    await dns.close();
  }
});

test("a viewer sees domains but cannot change them", async ({ page }) => {
  await ownAddress(page);
  await signIn(page, tenantUrl("acme").replace(/\/$/, ""), "viewer@acme.test");
  await expectSignedInAs(page, "viewer");
  await page.goto(tenantUrl("acme", "/settings/domains"));
  const demo = page.getByTestId("domain-portal.acme.test");
  await expect(demo.getByTestId("domain-status")).toHaveText("Verified");
  await expect(demo.getByTestId("edge-status")).toContainText("Allowed");
  await expect(page.getByRole("button", { name: "Add domain" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Verify" })).toHaveCount(0);
});

test("H6: another portal can claim a verified domain, which keeps serving its owner", async ({ page, browser }) => {
  await ownAddress(page);
  await signIn(page, tenantUrl("globex").replace(/\/$/, ""), "owner@globex.test");
  await expectSignedInAs(page, "owner");
  await page.goto(tenantUrl("globex", "/settings/domains"));
  await page.getByLabel("Domain").fill("portal.acme.test");
  await page.getByRole("button", { name: "Add domain" }).click();
  const row = page.getByTestId("domain-portal.acme.test");
  await expect(row.getByTestId("domain-status")).toContainText("Pending — verify by");
  await expect(row.getByTestId("txt-value")).toHaveText(/^livery-verify=[0-9a-f]{32}$/);

  const visitor = await browser.newPage();
  await visitor.goto(`http://portal.acme.test:${PORT}/`);
  await expect(visitor).toHaveTitle(TENANTS.acme.name);
  await visitor.close();

  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Confirm removing portal.acme.test" }).click();
  await expect(page.getByTestId("domain-portal.acme.test")).toHaveCount(0);
});
