// One production server (`next start`, embedded database) for the HTTP
// benchmarks: built if needed, reset and seeded, plus the bench fixtures.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import { generateApiKeySecret } from "@/lib/api-keys/keys";

const require = createRequire(import.meta.url);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DATA_DIR = ".data/bench";
// Its own build: the bare baseline route exists only when built with LIVERY_BENCH_ROUTES=1.
const DIST_DIR = ".next-bench";

export type BenchServer = { port: number; apiKey: string; askToken: string };

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function waitForHealth(exited: () => boolean): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (exited()) throw new Error("next start exited");
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("next start did not become healthy");
}

export async function withBenchServer(fn: (server: BenchServer) => Promise<void>): Promise<void> {
  const apiKey = generateApiKeySecret("tenant");
  const askToken = randomBytes(24).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
    LIVERY_BENCH_ROUTES: "1",
    NEXT_DIST_DIR: DIST_DIR,
    BENCH_API_KEY: apiKey,
    TLS_ASK_TOKEN: askToken,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (!fs.existsSync(`${DIST_DIR}/BUILD_ID`) || process.env.BENCH_BUILD === "1") {
    console.log("\n(building the app for the HTTP benchmarks…)");
    run("npm", ["run", "build"], env);
  } else {
    const built = fs.statSync(`${DIST_DIR}/BUILD_ID`).mtime.toISOString();
    console.log(`\n(HTTP benchmarks use the existing build from ${built}; BENCH_BUILD=1 rebuilds)`);
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  run("npm", ["run", "db:reset", "--silent"], env);
  run(process.execPath, ["--import", "tsx", "--conditions=react-server", "bench/fixtures.ts"], env);

  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
    env,
    stdio: "ignore",
  });
  try {
    await waitForHealth(() => server.exitCode !== null);
    await fn({ port: PORT, apiKey, askToken });
  } finally {
    server.kill("SIGTERM");
  }
}
