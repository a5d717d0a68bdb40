// The server for the sign-in flood benchmark: a production build as users get
// it (no bench routes), TRUSTED_PROXY_HOPS=1, the demo data, acme's API key
// with a high rate limit (bench/fixtures.ts) and a platform key to read the
// audit log. On the embedded database, or on a fresh database of the
// PostgreSQL server named by TEST_DATABASE_URL.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);
export const FLOOD_PORT = Number(process.env.BENCH_FLOOD_PORT ?? 3401);
const DATA_DIR = ".data/bench-flood";
// NEXT_DIST_DIR picks another build folder.
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-flood";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export type FloodServer = { process: ChildProcess; stop(): Promise<void> };

/** `postgresServer`: a PostgreSQL server URL to make a throwaway database on; the embedded database otherwise. */
export async function startFloodServer(keys: { api: string; platform: string }, postgresServer?: string): Promise<FloodServer> {
  const health = () =>
    fetch(`http://127.0.0.1:${FLOOD_PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
  // A server left on the port would answer with other keys and data.
  if (await health()) throw new Error(`port ${FLOOD_PORT} is taken (BENCH_FLOOD_PORT chooses another)`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR,
    NEXT_DIST_DIR: DIST_DIR,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
    TRUSTED_PROXY_HOPS: "1",
    BENCH_API_KEY: keys.api,
    PLATFORM_API_KEY: keys.platform,
  };
  for (const name of ["DATABASE_URL", "DATABASE_TENANT_URL", "DATABASE_PLATFORM_URL", "REDIS_URL", "LIVERY_BENCH_ROUTES"]) {
    delete env[name];
  }
  let database: string | undefined;
  if (postgresServer) {
    database = `livery_bench_flood_${randomBytes(6).toString("hex")}`;
    await onServer(postgresServer, `CREATE DATABASE "${database}"`);
    const url = new URL(postgresServer);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  if (!fs.existsSync(`${DIST_DIR}/BUILD_ID`) || process.env.BENCH_BUILD === "1") {
    console.log(`\n(building the app into ${DIST_DIR} for the sign-in flood…)`);
    run("npm", ["run", "build"], env);
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  run("npm", ["run", "db:reset", "--silent", "--", "--yes"], env);
  run(process.execPath, ["--import", "tsx", "--conditions=react-server", "bench/fixtures.ts"], env);
  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(FLOOD_PORT)], {
    env,
    stdio: "ignore",
  });
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    if (database) await onServer(postgresServer!, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
  for (let i = 0; i < 120 && server.exitCode === null; i++) {
    if (await health()) return { process: server, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("next start did not become healthy");
}
