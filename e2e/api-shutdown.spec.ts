import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "./fixtures/keys";

// Usage is counted in memory and written in batches. A graceful stop
// (SIGTERM, as from a container runtime) must write what is pending, so the
// recorded API calls equal the successful responses, exactly. This test runs
// its own `next start` from the same build on its own database.
const PORT = 3190;
const DATA_DIR = ".data/e2e-shutdown";
const env = {
  ...process.env,
  DATA_DIR,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXT_TELEMETRY_DISABLED: "1",
};

function tsx(script: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function get(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path, headers: { host: `acme.localhost:${PORT}`, ...headers } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env,
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${PORT}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
  return server;
}

test("a graceful stop writes every counted API call", async () => {
  test.setTimeout(180_000);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  tsx("scripts/db.ts", "reset");
  tsx("e2e/fixtures/seed.ts");
  // The demo seed brings 90 days of sample usage: compare against what is there now.
  const seeded = JSON.parse(tsx("e2e/fixtures/read-usage.ts", "acme")) as { apiCalls: number };

  const server = await startServer();
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  const statuses = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      get("/api/v1/tenants/current/info", { authorization: `Bearer ${i % 8 === 0 ? "lv_wrong" : E2E_KEYS.acme}` }),
    ),
  );
  const successes = statuses.filter((s) => s === 200).length;
  expect(successes).toBe(35); // the five wrong keys are refused and not counted
  server.kill("SIGTERM");
  expect(await exited).toBe(143);

  const recorded = JSON.parse(tsx("e2e/fixtures/read-usage.ts", "acme")) as { apiCalls: number };
  expect(recorded.apiCalls - seeded.apiCalls).toBe(successes);
});
