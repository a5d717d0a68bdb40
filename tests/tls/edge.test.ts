import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKeySecret } from "@/lib/api-keys/keys";
import { freePort, type LiveServer, startServer } from "../entry-points/live-server";
import { ROOT } from "../entry-points/scan";
import { startDnsServer } from "../helpers/dns-server";

// Issue 16: Caddy (Debian's caddy 2.6) with its internal CA in front of the
// one production build, as deploy/Caddyfile puts it in front of Livery:
// certificates on demand for verified custom domains of entitled, active
// tenants only (Livery's ask endpoint decides), the operator's wildcard
// certificate for tenant subdomains, real TLS handshakes checked by curl.
// docs/deploy.md quotes these commands.

const ROOT_DOMAIN = "livery.test";
const ASK_TOKEN = randomBytes(24).toString("base64url");
const PLATFORM_KEY = generateApiKeySecret("platform");
const run = promisify(execFile);

let dir: string;
let app: LiveServer;
let caddy: ChildProcess;
let caddyLog = "";
let httpsPort: number;
let httpPort: number;
let acmeKey: string;
const records = new Map<string, string[]>();
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
async function curl(url: string, options: { ca?: "internal" | "wildcard"; key?: string } = {}): Promise<Answer> {
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

/** Livery's REST API directly (not through the edge), on the platform host with the bootstrap platform key. */
// Response bodies are read field by field; `any` keeps that terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function platformApi(method: string, apiPath: string, body?: unknown): Promise<{ status: number; json: any }> {
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
        response.on("end", () => resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    request.on("error", reject);
    request.end(body ? JSON.stringify(body) : undefined);
  });
}

async function createTenant(slug: string): Promise<string> {
  const created = await platformApi("POST", "/tenants", { slug, name: slug, plan: "pro" });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return (created.json.id ?? created.json.tenant?.id) as string;
}

async function claim(tenantId: string, hostname: string): Promise<string> {
  const added = await platformApi("POST", `/tenants/${tenantId}/domains`, { hostname });
  expect(added.status, JSON.stringify(added.json)).toBe(201);
  records.set(added.json.dns.txt.name, [added.json.dns.txt.value]);
  return added.json.id as string;
}

async function verify(tenantId: string, domainId: string): Promise<void> {
  const verified = await platformApi("POST", `/tenants/${tenantId}/domains/${domainId}/verify`);
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  expect(verified.json.status ?? verified.json.state).toBe("verified");
}

const https = (host: string, urlPath = "/") => `https://${host}:${httpsPort}${urlPath}`;

beforeAll(async () => {
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
}, 300_000);

afterAll(async () => {
  caddy?.kill("SIGTERM");
  await app?.stop();
  await dns?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("HTTPS at the edge (Caddy's on-demand TLS, Livery's ask endpoint)", () => {
  it("serves acme's portal and API on its verified custom domain with a certificate issued on demand for that name", async () => {
    const page = await curl(https("portal.acme.test"));
    expect(page.stderr).toBe("");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Acme Corporation");
    // A customer's apex must not force HTTPS on the customer's other sites.
    expect(page.headers).toMatch(/^strict-transport-security: max-age=63072000\r?$/im);
    const api = await curl(https("portal.acme.test", "/api/v1/tenants/current/info"), { key: acmeKey });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ slug: "acme" });
    // Plain HTTP is sent to HTTPS. Caddy's redirect names the standard port
    // (443, where the edge listens in production), not this test's.
    const { stdout } = await run("curl", [
      "-sS",
      "-o",
      "/dev/null",
      "-w",
      "%{http_code} %{redirect_url}",
      "--resolve",
      `portal.acme.test:${httpPort}:127.0.0.1`,
      `http://portal.acme.test:${httpPort}/x?y=1`,
    ]);
    expect(stdout).toBe("308 https://portal.acme.test/x?y=1");
  });

  it("serves tenant subdomains and the platform under the operator's wildcard certificate", async () => {
    const acme = await curl(https(`acme.${ROOT_DOMAIN}`), { ca: "wildcard" });
    expect(acme.stderr).toBe("");
    expect(acme.status).toBe(200);
    expect(acme.body).toContain("Acme Corporation");
    expect(acme.headers).toMatch(/^strict-transport-security: max-age=63072000; includeSubDomains\r?$/im);
    const platform = await curl(https(ROOT_DOMAIN), { ca: "wildcard" });
    expect(platform.status).toBe(200);
  });

  it("gives no certificate to a pending, unclaimed or plan-excluded domain, and Livery logs each refusal", async () => {
    const owner = await createTenant("tls-refusals");
    await claim(owner, "pending.tls-refusals.test");
    const downgraded = await createTenant("tls-downgraded");
    await verify(downgraded, await claim(downgraded, "downgraded.tls-refusals.test"));
    expect((await platformApi("PATCH", `/tenants/${downgraded}`, { plan: "free" })).status).toBe(200);

    for (const name of ["pending.tls-refusals.test", "nobody.tls-refusals.test", "downgraded.tls-refusals.test"]) {
      const answer = await curl(https(name));
      // curl's 35: the TLS handshake failed (Caddy sent an alert instead of a certificate).
      expect(answer.code, `${name}: ${answer.stderr}`).toBe(35);
    }
    expect(app.log()).toContain("[tls] no certificate for pending.tls-refusals.test: not_routed");
    expect(app.log()).toContain("[tls] no certificate for nobody.tls-refusals.test: not_routed");
    expect(app.log()).toContain("[tls] no certificate for downgraded.tls-refusals.test: not_routed");
  });

  it("keeps a certificate already issued, but a removed domain gets the 404 page and a suspended tenant is refused at once", async () => {
    const tenant = await createTenant("tls-lifecycle");
    const gone = await claim(tenant, "gone.tls-lifecycle.test");
    await verify(tenant, gone);
    await verify(tenant, await claim(tenant, "shop.tls-lifecycle.test"));
    expect((await curl(https("gone.tls-lifecycle.test"))).status).toBe(200);
    expect((await curl(https("shop.tls-lifecycle.test"))).status).toBe(200);

    expect((await platformApi("DELETE", `/tenants/${tenant}/domains/${gone}`)).status).toBe(204);
    const removed = await curl(https("gone.tls-lifecycle.test"));
    expect(removed.stderr).toBe(""); // the handshake still completes: the certificate expires on its own
    expect(removed.status).toBe(404);

    expect((await platformApi("POST", `/tenants/${tenant}/suspend`, { reason: "TLS edge test" })).status).toBe(200);
    const suspended = await curl(https("shop.tls-lifecycle.test"));
    expect(suspended.stderr).toBe("");
    expect(suspended.status).toBe(403);
  });

  it("answers 404 for Livery's internal endpoints from outside, even with the right token", async () => {
    const ask = await curl(https("portal.acme.test", `/api/internal/tls/ask?token=${ASK_TOKEN}&domain=portal.acme.test`));
    expect(ask.status).toBe(404);
    expect(caddyLog).not.toContain(ASK_TOKEN);
  });
});
