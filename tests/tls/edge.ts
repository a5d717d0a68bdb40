import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import { generateApiKeySecret } from "@/lib/api-keys/keys";
import { freePort, type LiveServer, startServer } from "../entry-points/live-server";
import { ROOT } from "../entry-points/scan";
import { startDnsServer } from "../helpers/dns-server";

// The TLS test's setup (tests/tls/edge.test.ts): a fresh embedded database
// with the demo, the CI build served on it with ROOT_DOMAIN=livery.test, a
// generated wildcard certificate, and Caddy running deploy/Caddyfile with its
// internal CA in front; curl and the platform API to talk to them.

export const ROOT_DOMAIN = "livery.test";
export const ASK_TOKEN = randomBytes(24).toString("base64url");
const PLATFORM_KEY = generateApiKeySecret("platform");
export const run = promisify(execFile);

let dir: string;
let app: LiveServer;
let caddy: ChildProcess;
let caddyLog = "";
/** The TXT records the test DNS server answers (domain verification). */
export const records = new Map<string, string[]>();
let httpsPort: number;
let httpPort: number;
let acmeKey: string;
let dns: Awaited<ReturnType<typeof startDnsServer>>;

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A CA and a wildcard certificate for *.ROOT_DOMAIN and ROOT_DOMAIN, as an operator would install. */
function wildcardCertificate(): void {
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  sh(
    "openssl",
    ["req", "-x509", ...ec, "-keyout", `${dir}/ca.key`, "-out", `${dir}/ca.crt`, "-days", "2"].concat([
      "-subj",
      "/CN=Livery test wildcard CA",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign",
    ]),
  );
  sh("openssl", ["req", ...ec, "-keyout", `${dir}/wildcard.key`, "-out", `${dir}/wildcard.csr`, "-subj", `/CN=*.${ROOT_DOMAIN}`]);
  fs.writeFileSync(
    `${dir}/wildcard.ext`,
    `subjectAltName=DNS:*.${ROOT_DOMAIN},DNS:${ROOT_DOMAIN}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  sh(
    "openssl",
    ["x509", "-req", "-in", `${dir}/wildcard.csr`, "-CA", `${dir}/ca.crt`, "-CAkey", `${dir}/ca.key`].concat([
      "-CAcreateserial",
      "-out",
      `${dir}/wildcard.crt`,
      "-days",
      "2",
      "-extfile",
      `${dir}/wildcard.ext`,
    ]),
  );
}

/**
 * deploy/Caddyfile as it ships, with the test's ports and folders added to its
 * global options, its placeholders filled in, and Caddy's internal CA instead
 * of a public one for the on-demand certificates.
 */
function caddyfile(appPort: number): string {
  const template = fs.readFileSync(path.join(ROOT, "deploy/Caddyfile"), "utf8");
  const testOptions = [
    "admin off",
    "skip_install_trust",
    `http_port ${httpPort}`,
    `https_port ${httpsPort}`,
    `storage file_system ${dir}/storage`,
  ];
  const filled = template
    .replace(/^\{\n/m, `{\n${testOptions.map((line) => `\t${line}\n`).join("")}`)
    .replace("tls {\n\t\ton_demand", "tls internal {\n\t\ton_demand")
    .replaceAll("{$ROOT_DOMAIN}", ROOT_DOMAIN)
    .replaceAll("{$LIVERY_UPSTREAMS}", `127.0.0.1:${appPort}`)
    .replaceAll("{$LIVERY_ASK}", `http://127.0.0.1:${appPort}`)
    .replaceAll("{$TLS_ASK_TOKEN}", ASK_TOKEN)
    .replaceAll("{$WILDCARD_CERT}", `${dir}/wildcard.crt`)
    .replaceAll("{$WILDCARD_KEY}", `${dir}/wildcard.key`);
  expect(filled).toContain("tls internal {");
  expect(filled).not.toContain("{$");
  return filled;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

type Answer = { code: number; status: number; headers: string; body: string; stderr: string };

/** curl over the edge: `--resolve` to loopback, trusting the given CA only. */
export async function curl(url: string, options: { ca?: "internal" | "wildcard"; key?: string } = {}): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const ca = options.ca === "wildcard" ? `${dir}/ca.crt` : `${dir}/storage/pki/authorities/local/root.crt`;
  const args = ["-sS", "--max-time", "30", "--resolve", `${hostname}:${port}:127.0.0.1`, "--cacert", ca, "-D", "-"];
  if (options.key) args.push("-H", `Authorization: Bearer ${options.key}`);
  args.push("-w", "\n%{http_code}", url);
  try {
    const { stdout, stderr } = await run("curl", args, { maxBuffer: 10_000_000 });
    const statusAt = stdout.lastIndexOf("\n");
    const text = stdout.slice(0, statusAt);
    const split = text.indexOf("\r\n\r\n");
    return {
      code: 0,
      status: Number(stdout.slice(statusAt + 1)),
      headers: text.slice(0, split),
      body: text.slice(split + 4),
      stderr,
    };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, status: 0, headers: "", body: "", stderr: failed.stderr };
  }
}

/** The fields of the platform API's answers the TLS test reads. */
export type ApiAnswer = {
  id?: string;
  status?: string;
  error?: { code: string };
  dns?: { txt: { name: string; value: string } };
  edge?: { allowed: boolean; lastAskedAt: string | null };
  data?: ApiAnswer[];
};

/** Livery's REST API directly (not through the edge), on the platform host with the bootstrap platform key. */
export function platformApi(
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; json: ApiAnswer | null }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: app.port,
        method,
        path: `/api/v1${apiPath}`,
        headers: {
          host: `${ROOT_DOMAIN}:${app.port}`,
          authorization: `Bearer ${PLATFORM_KEY}`,
          ...(body ? { "content-type": "application/json" } : {}),
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, json: text ? (JSON.parse(text) as ApiAnswer) : null }),
        );
      },
    );
    request.on("error", reject);
    request.end(body ? JSON.stringify(body) : undefined);
  });
}

/** An https:// URL on the edge's port. */
export const https = (host: string, urlPath = "/") => `https://${host}:${httpsPort}${urlPath}`;

/** What the tests read of the running edge. */
export const edge = {
  get httpPort() {
    return httpPort;
  },
  get httpsPort() {
    return httpsPort;
  },
  get acmeKey() {
    return acmeKey;
  },
  appLog: () => app.log(),
  caddyLog: () => caddyLog,
};

export async function startEdge(): Promise<void> {
  if (spawnSync("caddy", ["version"]).status !== 0)
    throw new Error("caddy is not installed (apt-get install caddy; .ci/run does)");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "livery-tls-"));
  wildcardCertificate();
  dns = await startDnsServer(records);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: `${dir}/data`,
    ROOT_DOMAIN,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  for (const name of ["DATABASE_URL", "DATABASE_TENANT_URL", "DATABASE_PLATFORM_URL", "REDIS_URL"]) delete env[name];
  const seeded = sh("npm", ["run", "-s", "db:reset", "--", "--yes"], env);
  acmeKey = /acme +(lv_[A-Za-z0-9_]+)/.exec(seeded)![1]!;
  app = await startServer(await freePort(3800), {
    DATA_DIR: env.DATA_DIR!,
    ROOT_DOMAIN,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET!,
    TLS_ASK_TOKEN: ASK_TOKEN,
    PLATFORM_API_KEY: PLATFORM_KEY,
    DNS_RESOLVER: dns.address,
    TRUSTED_PROXY_HOPS: "1",
  });
  httpsPort = await freePort(8443);
  httpPort = await freePort(8080);
  fs.writeFileSync(`${dir}/Caddyfile`, caddyfile(app.port));
  caddy = spawn("caddy", ["run", "--config", `${dir}/Caddyfile`, "--adapter", "caddyfile"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => void (caddyLog = (caddyLog + chunk.toString()).slice(-200_000));
  caddy.stdout!.on("data", keep);
  caddy.stderr!.on("data", keep);
  for (let i = 0; i < 100 && !(await portOpen(httpsPort)); i++) {
    if (caddy.exitCode !== null) throw new Error(`caddy exited:\n${caddyLog}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (let i = 0; i < 100 && !fs.existsSync(`${dir}/storage/pki/authorities/local/root.crt`); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function stopEdge(): Promise<void> {
  caddy?.kill("SIGTERM");
  await app?.stop();
  await dns?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
