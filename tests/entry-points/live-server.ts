import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { ROOT } from "./scan";

// `next start` of the existing production build (never a build of its own:
// CI builds once, in `npm test`'s browser tests), on the suite's database.

const require = createRequire(import.meta.url);
const FIRST_PORT = 3700;

/** The build folder the suite serves: NEXT_DIST_DIR, or .next as CI's `npm test` leaves it. */
export function distDir(): string {
  return path.resolve(ROOT, process.env.NEXT_DIST_DIR || ".next");
}

/** Throws, saying what to do, when there is no production build to serve. */
export function assertBuilt(): void {
  const dir = distDir();
  if (!fs.existsSync(path.join(dir, "BUILD_ID")) || !fs.existsSync(path.join(dir, "server/server-reference-manifest.json"))) {
    throw new Error(
      `No production build in ${dir}. This suite calls every Server Action of a built app and never builds one: ` +
        "run `npm run build` first (CI's `npm test` does), or point NEXT_DIST_DIR at an existing build folder.",
    );
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(from = FIRST_PORT): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}–${from + 99}`);
}

export type LiveServer = {
  port: number;
  /** The last lines the server printed (its `[action] unexpected error` logs among them). */
  log(): string;
  stop(): Promise<void>;
};

async function waitForHealth(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not answer /api/health within 120 s:\n${log()}`);
}

/** Starts the build on `port` with the database's env and `extraEnv`; resolves once it answers. */
export async function startServer(port: number, env: Record<string, string>): Promise<LiveServer> {
  assertBuilt();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    PORT: String(port),
    ROOT_DOMAIN: env.ROOT_DOMAIN ?? "localhost",
    // next.config.mjs takes it as distDir, which Next resolves against the project: relative.
    NEXT_DIST_DIR: path.relative(ROOT, distDir()),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  // The server's database and limits are the suite's alone: nothing from the caller's shell.
  for (const name of ["DATABASE_URL", "DATABASE_TENANT_URL", "DATABASE_PLATFORM_URL", "REDIS_URL", "TEST_DATABASE_URL"]) {
    if (!(name in env)) delete childEnv[name];
  }
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const log = () => output;
  try {
    await waitForHealth(port, child, log);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    port,
    log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      // SIGTERM: Next drains, and the usage meter writes its last counts (lib/usage/shutdown.ts).
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
