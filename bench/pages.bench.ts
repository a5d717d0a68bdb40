// Whole requests against the production build (`next start`, embedded
// database): a tenant's branded home page versus the platform's home page,
// which goes through the same middleware, CSP and layout but resolves no
// tenant and loads no brand. The difference is what tenancy costs a page.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import { loadTest } from "./http";
import { printTable } from "./stats";

const require = createRequire(import.meta.url);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DATA_DIR = ".data/bench";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error("next start exited");
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("next start did not become healthy");
}

export async function benchPages(): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  if (!fs.existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD === "1") {
    console.log("\n(building the app for the page benchmark…)");
    run("npm", ["run", "build"], env);
  } else {
    const built = fs.statSync(".next/BUILD_ID").mtime.toISOString();
    console.log(`\n(page benchmark uses the existing build from ${built}; BENCH_BUILD=1 rebuilds)`);
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  run("npm", ["run", "db:reset", "--silent"], env);

  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
    env,
    stdio: "ignore",
  });
  try {
    await waitForHealth(server);
    const options = { rounds: Number(process.env.BENCH_ROUNDS_HTTP ?? 6), perRound: 200, concurrency: 8 };
    const { samples, throughput } = await loadTest(
      PORT,
      [
        { name: "platform home (no tenancy)", host: `localhost:${PORT}`, path: "/" },
        { name: "tenant home (acme, branded)", host: `acme.localhost:${PORT}`, path: "/" },
      ],
      options,
    );
    printTable(
      `pages over HTTP (next start, PGlite): ${options.rounds} rounds × ${options.perRound} requests, ${options.concurrency} connections`,
      samples,
      "platform home (no tenancy)",
      throughput,
    );
  } finally {
    server.kill("SIGTERM");
  }
}
