// The pieces of the load test: a scratch PostgreSQL database, two `next start`
// instances sharing it and Redis, and small HTTP helpers.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const PG_BASE = process.env.LOAD_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
export const REDIS_URL = process.env.LOAD_REDIS_URL ?? "redis://127.0.0.1:6379";

export type Instance = { name: string; port: number; process: ChildProcess; exited: Promise<number | null> };

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export function psql(database: string, sql: string): string {
  return run("psql", [`${PG_BASE}/${database}`, "-qtAc", sql]).trim();
}

export function createDatabase(): { name: string; url: string; drop: () => void } {
  const name = `livery_load_${process.pid}`;
  psql("postgres", `DROP DATABASE IF EXISTS ${name}`);
  psql("postgres", `CREATE DATABASE ${name}`);
  return { name, url: `${PG_BASE}/${name}`, drop: () => psql("postgres", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function appEnv(databaseUrl: string, platformKey: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    PLATFORM_API_KEY: platformKey,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

export async function startInstance(name: string, port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  for (let i = 0; i < 120; i += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { name, port, process: child, exited };
    await sleep(500);
  }
  throw new Error(`${name} did not become healthy`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request with any Host header (fetch will not send one), JSON in and out. */
export async function call(
  port: number,
  host: string,
  method: string,
  path: string,
  key?: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; text: string; headers: Record<string, string> }> {
  const http = await import("node:http");
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        agent: false,
        headers: {
          host,
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(payload ? { "content-type": "application/json" } : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          const isJson = /json/.test(response.headers["content-type"] ?? "");
          let json: unknown = null;
          try {
            json = isJson && text ? (JSON.parse(text) as unknown) : null;
          } catch {
            // Reported through `text`; a malformed body is the caller's finding, not a crash here.
          }
          resolve({ status: response.statusCode ?? 0, json, text, headers: response.headers as Record<string, string> });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}
