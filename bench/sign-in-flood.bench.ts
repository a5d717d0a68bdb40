// H5 (issue #12): a flood of sign-ins with random, unknown e-mails against one
// tenant (globex), 5 a second from 64 client addresses (X-Forwarded-For with
// TRUSTED_PROXY_HOPS=1), must not stall another tenant (acme's API), nor keep
// out a user whose browser signed in before (a known client). Quiet and
// flooded phases alternate round by round, so a busy machine slows both alike.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { generateApiKeySecret } from "@/lib/api-keys/keys";
import { apiLoad, request, SignInClient } from "./flood-http";
import { printTable, summarise } from "./stats";

const require = createRequire(import.meta.url);
const PORT = Number(process.env.BENCH_FLOOD_PORT ?? 3401);
const DATA_DIR = ".data/bench-flood";
// A build as users get it (no bench routes); NEXT_DIST_DIR picks another.
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-flood";
const ROUNDS = Number(process.env.BENCH_FLOOD_ROUNDS ?? 5);
const PHASE_MS = Number(process.env.BENCH_FLOOD_PHASE_MS ?? 10_000);
const PER_SECOND = 5;
const ADDRESSES = 64;
const PASSWORD = "livery-demo-password"; // the demo seed's
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function startServer(apiKey: string, platformKey: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR,
    NEXT_DIST_DIR: DIST_DIR,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
    TRUSTED_PROXY_HOPS: "1",
    BENCH_API_KEY: apiKey,
    PLATFORM_API_KEY: platformKey,
  };
  for (const name of ["DATABASE_URL", "DATABASE_TENANT_URL", "DATABASE_PLATFORM_URL", "REDIS_URL", "LIVERY_BENCH_ROUTES"]) {
    delete env[name];
  }
  if (!fs.existsSync(`${DIST_DIR}/BUILD_ID`) || process.env.BENCH_BUILD === "1") {
    console.log(`\n(building the app into ${DIST_DIR} for the sign-in flood…)`);
    run("npm", ["run", "build"], env);
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  run("npm", ["run", "db:reset", "--silent"], env);
  // acme's API key with a rate limit high enough to measure latency, not refusals.
  run(process.execPath, ["--import", "tsx", "--conditions=react-server", "bench/fixtures.ts"], env);
  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT)], {
    env,
    stdio: "ignore",
  });
  for (let i = 0; i < 120 && server.exitCode === null; i++) {
    const up = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await sleep(500);
  }
  server.kill("SIGTERM");
  throw new Error("next start did not become healthy");
}

/** Failures for unknown accounts that globex's audit log counted (aggregated rows), read with the platform key. */
async function countedInAuditLog(agent: http.Agent, platformKey: string) {
  const get = async (path: string) => {
    const reply = await request(agent, PORT, {
      host: `localhost:${PORT}`,
      path,
      headers: { authorization: `Bearer ${platformKey}` },
    });
    if (reply.status !== 200) throw new Error(`${path}: HTTP ${reply.status}`);
    return JSON.parse(reply.body) as {
      data: { id?: string; slug?: string; metadata?: { count?: number } }[];
      nextCursor: string | null;
    };
  };
  const globex = (await get("/api/v1/tenants?q=globex")).data.find((t) => t.slug === "globex")!;
  let counted = 0;
  let rows = 0;
  let cursor: string | null = null;
  do {
    const page = await get(
      `/api/v1/tenants/${globex.id}/audit-log?action=auth.sign_in_failed_unknown&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
    );
    for (const entry of page.data) counted += entry.metadata?.count ?? 0;
    rows += page.data.length;
    cursor = page.nextCursor;
  } while (cursor);
  return { counted, rows };
}

export async function benchSignInFlood(): Promise<void> {
  const apiKey = generateApiKeySecret("tenant");
  const platformKey = generateApiKeySecret("platform");
  const server = await startServer(apiKey, platformKey);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  try {
    const api = {
      host: `acme.localhost:${PORT}`,
      path: "/api/v1/tenants/current/info",
      headers: { authorization: `Bearer ${apiKey}` },
    };
    const globex = `globex.localhost:${PORT}`;
    const known = new SignInClient(agent, PORT, globex, "198.18.0.10");
    await known.prepare();
    if ((await known.signIn("member@globex.test", PASSWORD)).status !== 200 || !known.hasCookie("livery.known-client")) {
      throw new Error("the known client's first sign-in did not work");
    }
    const attackers = Array.from({ length: ADDRESSES }, (_, i) => new SignInClient(agent, PORT, globex, `203.0.113.${i + 1}`));
    await Promise.all(attackers.map((a) => a.prepare()));
    await apiLoad(agent, PORT, api, 4, performance.now() + 3_000); // warm-up

    const latencies = { quiet: [] as number[], flood: [] as number[] };
    const knownClient = { quiet: { tried: 0, ok: 0 }, flood: { tried: 0, ok: 0 } };
    const flood = { sent: 0, answers: new Map<number, number>(), ms: [] as number[] };
    const wrongPasswordMs: number[] = [];

    const phase = async (flooding: boolean, round: number) => {
      const until = performance.now() + PHASE_MS;
      const inFlight: Promise<void>[] = [];
      const timer = flooding
        ? setInterval(() => {
            const attacker = attackers[flood.sent++ % ADDRESSES]!;
            inFlight.push(
              attacker.signIn(`${randomUUID()}@globex.test`, "a guessed password").then((reply) => {
                flood.answers.set(reply.status, (flood.answers.get(reply.status) ?? 0) + 1);
                flood.ms.push(reply.ms);
              }),
            );
          }, 1000 / PER_SECOND)
        : undefined;
      const tally = knownClient[flooding ? "flood" : "quiet"];
      const signIns = (async () => {
        while (performance.now() < until - 1_000) {
          const reply = await known.signIn("member@globex.test", PASSWORD);
          tally.tried++;
          if (reply.status === 200 && !reply.body.includes("error=")) tally.ok++;
          await sleep(1_000);
        }
      })();
      // An existing account's wrong password, for the timing comparison (one per round: under its 5 free failures).
      const probe = flooding
        ? sleep(PHASE_MS / 2).then(async () => {
            const client = new SignInClient(agent, PORT, globex, `198.18.1.${round + 1}`);
            await client.prepare();
            wrongPasswordMs.push((await client.signIn("viewer@globex.test", "not the password")).ms);
          })
        : Promise.resolve();
      latencies[flooding ? "flood" : "quiet"].push(...(await apiLoad(agent, PORT, api, 4, until)));
      clearInterval(timer);
      await Promise.all([signIns, probe, ...inFlight]);
    };
    for (let round = 0; round < ROUNDS; round++) {
      await phase(false, round);
      await phase(true, round);
    }

    const samples = [
      { name: "acme API, no flood", durationsMs: latencies.quiet },
      { name: "acme API, during the flood", durationsMs: latencies.flood },
    ];
    printTable(
      `sign-in flood (next start, PGlite): ${PER_SECOND}/s sign-ins with random unknown e-mails on globex from ${ADDRESSES} addresses; ${ROUNDS} rounds × ${PHASE_MS / 1000} s per phase, interleaved; acme's API on 4 connections`,
      samples,
      "acme API, no flood",
    );
    const [quiet, flooded] = samples.map(summarise);
    const ratio = flooded!.p99Ms / quiet!.p99Ms;
    console.log(`p99 during the flood ÷ p99 without: ${ratio.toFixed(2)}× (goal ≤ 1.5×: ${ratio <= 1.5 ? "met" : "NOT met"})`);
    const share = knownClient.flood.ok / Math.max(1, knownClient.flood.tried);
    console.log(
      `known client (member@globex.test): ${knownClient.flood.ok}/${knownClient.flood.tried} sign-ins succeeded during the flood = ${(share * 100).toFixed(1)}% (goal ≥ 95%: ${share >= 0.95 ? "met" : "NOT met"}); without it ${knownClient.quiet.ok}/${knownClient.quiet.tried}`,
    );
    const answers = [...flood.answers].map(([status, n]) => `${status} × ${n}`).join(", ");
    const median = (values: number[]) => summarise({ name: "", durationsMs: values }).medianMs.toFixed(1);
    console.log(`flood: ${flood.sent} attempts, answered ${answers}; median ${median(flood.ms)} ms`);
    console.log(
      `an existing account's wrong password during the flood: median ${median(wrongPasswordMs)} ms (same hash as an unknown e-mail)`,
    );
    await sleep(6_000); // one flush interval of the aggregated audit rows
    const audit = await countedInAuditLog(agent, platformKey);
    console.log(
      `globex's audit log: ${audit.counted} failures for unknown accounts in ${audit.rows} aggregated rows (answered 401: ${flood.answers.get(401) ?? 0}), each one argon2id hash`,
    );
  } finally {
    agent.destroy();
    server.kill("SIGTERM");
  }
}
