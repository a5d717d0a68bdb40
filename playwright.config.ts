import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./e2e/browser";
import { E2E_KEYS } from "./e2e/fixtures/keys";
import { OIDC } from "./e2e/fixtures/oidc";
import { DNS_PORT } from "./e2e/hosts";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Set E2E_PORT, E2E_DATA_DIR, E2E_DNS_PORT and NEXT_DIST_DIR to run a second
// suite beside this one (the defaults are what CI uses).
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";

function chromiumLaunch() {
  return {
    executablePath: chromiumExecutable(),
    args: [
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // *.localhost resolves to loopback by itself; the demo custom domain needs a rule.
      "--host-resolver-rules=MAP *.test 127.0.0.1",
    ],
  };
}

// The browser tests run against the production build (`next build` +
// `next start`) on a fresh embedded database, seeded like the demo.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Whole flows (create → use → revoke) against a production build on a
  // 2-core machine shared with the server: 30 s left too little margin.
  timeout: 60_000,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs each role in once and saves its browser state (e2e/fixtures/roles.ts).
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch() } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunch(),
      },
    },
  ],
  webServer: {
    command: `rm -rf ${dataDir} && npm run db:reset && npx tsx --conditions=react-server e2e/fixtures/seed.ts && npm run build && npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      // As if behind one proxy: tests give each sign-in its own X-Forwarded-For
      // so per-IP throttling in one test cannot lock out another.
      TRUSTED_PROXY_HOPS: "1",
      // e2e/domains.spec.ts answers TXT lookups from a DNS server on this port.
      DNS_RESOLVER: `127.0.0.1:${DNS_PORT}`,
      PLATFORM_API_KEY: E2E_KEYS.platform,
      // e2e/oidc.spec.ts runs this identity provider while it tests single sign-on.
      OIDC_ISSUER: OIDC.issuer,
      OIDC_CLIENT_ID: OIDC.clientId,
      OIDC_CLIENT_SECRET: OIDC.clientSecret,
      OIDC_NAME: OIDC.name,
    },
  },
});
