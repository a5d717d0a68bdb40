import { expect, test } from "@playwright/test";

test("the landing page renders in the platform's brand", async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Livery");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One deployment, many branded admin portals.");

  // Tailwind's theme maps the brand variables: the primary button wears the platform colour.
  const button = page.getByRole("link", { name: "Service health" });
  await expect(button).toHaveCSS("background-color", "rgb(67, 56, 202)");
  await expect(button).toHaveCSS("color", "rgb(255, 255, 255)");

  await page.screenshot({ path: testInfo.outputPath("landing.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("health and readiness answer with JSON", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(health.headers()["cache-control"]).toContain("no-store");
  expect(await health.json()).toMatchObject({ status: "ok" });

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({
    ready: true,
    database: { kind: "embedded", reachable: true, migrations: { pending: [] } },
  });
});

test("an unknown page gets the not-found page with a 404", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});
