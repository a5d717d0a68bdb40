// tsx scripts/pgbouncer.ts -- <command …>
//
// Runs a command against PostgreSQL through a private PgBouncer in
// transaction pooling mode: starts pgbouncer on a free loopback port with a
// generated ini in a temp dir, runs the command with TEST_DATABASE_URL
// pointing at it (and TEST_PGBOUNCER=1, PGBOUNCER_POOL_SIZE), then stops it.
// Without the pgbouncer binary it says so and exits 0 (apt-get install pgbouncer).
//
// PGBOUNCER_UPSTREAM_URL: the server behind it (default postgres://postgres@127.0.0.1:5432),
// reached with trust authentication, as the local test server is.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const POOL_SIZE = 2;
const PREFERRED_PORT = 6433;

/** PGBOUNCER_BIN names the binary; otherwise Debian's place (/usr/sbin, often not on a user's PATH) or the PATH. */
function findBinary(): string | null {
  const named = process.env.PGBOUNCER_BIN;
  if (named !== undefined) return existsSync(named) ? named : null;
  for (const candidate of ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"]) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  if (await portIsFree(PREFERRED_PORT)) return PREFERRED_PORT;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ReturnType<typeof spawn>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => socket.end(() => resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pgbouncer did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function iniFor(dir: string, port: number, upstream: URL): string {
  // `*`: every database the tests create (one per test file) is reachable by
  // its own name, routed to the same server.
  return `[databases]
* = host=${upstream.hostname} port=${upstream.port || "5432"}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${path.join(dir, "userlist.txt")}
admin_users = ${decodeURIComponent(upstream.username) || "postgres"}
pool_mode = transaction
default_pool_size = ${POOL_SIZE}
max_client_conn = 500
ignore_startup_parameters = extra_float_digits,options
`;
}

async function main(): Promise<number> {
  const separator = process.argv.indexOf("--");
  const command = separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1);
  if (command.length === 0) {
    console.error("usage: tsx scripts/pgbouncer.ts -- <command …>");
    return 2;
  }
  const binary = findBinary();
  if (!binary) {
    console.log("PgBouncer is not installed (apt-get install -y pgbouncer): skipping the run through PgBouncer.");
    return 0;
  }

  const upstream = new URL(process.env.PGBOUNCER_UPSTREAM_URL ?? "postgres://postgres@127.0.0.1:5432");
  const user = decodeURIComponent(upstream.username) || "postgres";
  const dir = await mkdtemp(path.join(os.tmpdir(), "livery-pgbouncer-"));
  // pgbouncer refuses to run as root; started as root it drops to the `postgres` user, who must read these files.
  await chmod(dir, 0o755);
  const port = await freePort();
  await writeFile(path.join(dir, "pgbouncer.ini"), iniFor(dir, port, upstream), { mode: 0o644 });
  await writeFile(path.join(dir, "userlist.txt"), `"${user}" ""\n`, { mode: 0o644 });

  const asRoot = process.getuid?.() === 0;
  const args = [...(asRoot ? ["-u", process.env.PGBOUNCER_OS_USER ?? "postgres"] : []), path.join(dir, "pgbouncer.ini")];
  const bouncer = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  bouncer.stderr.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  });
  const stop = async () => {
    if (bouncer.exitCode === null) {
      bouncer.kill("SIGTERM");
      await new Promise((r) => bouncer.once("exit", r));
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForPort(port, bouncer);
    const version = spawnSync(binary, ["--version"], { encoding: "utf8" }).stdout.split("\n")[0];
    console.log(
      `${version} on 127.0.0.1:${port}: pool_mode = transaction, default_pool_size = ${POOL_SIZE}, upstream ${upstream.host}`,
    );
    const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/postgres`;
    const child = spawn(command[0]!, command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: url, TEST_PGBOUNCER: "1", PGBOUNCER_POOL_SIZE: String(POOL_SIZE) },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const code = await new Promise<number>((resolve) => child.once("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    if (code !== 0 && log) console.error(`--- pgbouncer log (last lines) ---\n${log.split("\n").slice(-30).join("\n")}`);
    return code;
  } catch (error) {
    console.error(`pgbouncer: ${(error as Error).message}\n${log}`);
    return 1;
  } finally {
    await stop();
  }
}

process.exit(await main());
