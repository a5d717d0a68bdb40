import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: {
    "@": root,
    "server-only": path.join(root, "tests/stubs/server-only.ts"),
  },
};

// The Server Action suites call a `next start` of the existing build
// (tests/entry-points/live-server.ts), which must share the session secret
// the tests sign their cookies with: one random secret per run.
const liveBuild = {
  environment: "node" as const,
  globalSetup: ["tests/entry-points/actions.global-setup.ts"],
  env: { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), ROOT_DOMAIN: "localhost" },
  testTimeout: 600_000,
  hookTimeout: 300_000,
};

// Unit tests sit next to the code they test (`lib/**/*.test.ts`); integration
// tests, which each get a real database, live in tests/integration/; the
// isolation matrix and the fuzz suite in tests/isolation/ and tests/fuzz/
// (docs/reliability.md).
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts?(x)",
            "middleware.test.ts",
            "tests/entry-points/registry.test.ts",
            "tests/entry-points/action-oracle.test.ts",
          ],
          environment: "node",
        },
      },
      {
        resolve,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The generated tenant-isolation matrix (npm run test:isolation runs it
        // on PGlite, PostgreSQL and PgBouncer); fast enough to run by default too.
        resolve,
        test: {
          name: "isolation",
          include: ["tests/isolation/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      // Property-based fuzzing (npm run test:fuzz): its own suite with its own
      // seed and run count, so it is defined only when asked for.
      ...(process.env.LIVERY_FUZZ === "1"
        ? [
            {
              resolve,
              test: {
                name: "fuzz",
                include: ["tests/fuzz/**/*.test.ts"],
                exclude: ["tests/fuzz/actions.test.ts"],
                environment: "node" as const,
                testTimeout: 600_000,
                hookTimeout: 60_000,
              },
            },
            { resolve, test: { ...liveBuild, name: "fuzz-actions", include: ["tests/fuzz/actions.test.ts"] } },
          ]
        : []),
      // Every Server Action over HTTP against the production build (npm run
      // test:isolation, after the REST matrix, on each database): it needs a
      // build and starts `next start`, so it is defined only when asked for.
      ...(process.env.LIVERY_ACTIONS === "1"
        ? [{ resolve, test: { ...liveBuild, name: "actions", include: ["tests/entry-points/actions.test.ts"] } }]
        : []),
      // HTTPS through Caddy in front of the production build (npm run test:tls):
      // needs the build and Debian's caddy, so it is defined only when asked for.
      ...(process.env.LIVERY_TLS === "1"
        ? [
            {
              resolve,
              test: { name: "tls", include: ["tests/tls/**/*.test.ts"], environment: "node" as const, testTimeout: 120_000 },
            },
          ]
        : []),
    ],
  },
});
