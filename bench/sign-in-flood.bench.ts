// H5 (issue #12): a flood of sign-ins with random, unknown e-mails against one
// tenant (globex), 5 a second from 64 client addresses (X-Forwarded-For with
// TRUSTED_PROXY_HOPS=1), must not stall another tenant (acme's API), nor keep
// out a user whose browser signed in before (a known client). Quiet and
// flooded phases alternate round by round, so a busy machine slows both alike.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { generateApiKeySecret } from "@/lib/api-keys/keys";
import { FLOOD_PORT as PORT, startFloodServer } from "./flood-server";
import { apiAtRate, request, SignInClient } from "./flood-http";
import { printTable, summarise } from "./stats";

const ROUNDS = Number(process.env.BENCH_FLOOD_ROUNDS ?? 5);
const PHASE_MS = Number(process.env.BENCH_FLOOD_PHASE_MS ?? 10_000);
const PER_SECOND = 5;
const API_PER_SECOND = Number(process.env.BENCH_FLOOD_API_RATE ?? 20);
const ADDRESSES = 64;
const PASSWORD = "livery-demo-password"; // the demo seed's
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** On the embedded database, then on PostgreSQL when TEST_DATABASE_URL names a server (as bench/databases.ts). */
export async function benchSignInFlood(): Promise<void> {
  for (const postgres of [undefined, ...(process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [])]) {
    await floodOn(postgres);
  }
}

async function floodOn(postgres: string | undefined): Promise<void> {
  const apiKey = generateApiKeySecret("tenant");
  const platformKey = generateApiKeySecret("platform");
  const server = await startFloodServer({ api: apiKey, platform: platformKey }, postgres);
  // Whatever happens, the server and its throwaway database go.
  const stopOnExit = () => void server.stop();
  process.once("exit", stopOnExit);
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
    // The timing probes' accounts sign in once, so their demo (bcrypt) hashes are re-hashed with argon2id.
    const probed = ["owner@globex.test", "admin@globex.test", "viewer@globex.test"];
    for (const [i, email] of probed.entries()) {
      const client = new SignInClient(agent, PORT, globex, `198.18.0.${20 + i}`);
      await client.prepare();
      if ((await client.signIn(email, PASSWORD)).status !== 200) throw new Error(`${email} did not sign in`);
    }
    await apiAtRate(agent, PORT, api, API_PER_SECOND, performance.now() + 3_000); // warm-up

    const latencies = { quiet: [] as number[], flood: [] as number[] };
    const knownClient = { quiet: { tried: 0, ok: 0 }, flood: { tried: 0, ok: 0 } };
    const flood = { sent: 0, answers: new Map<number, number>(), ms: [] as number[] };
    // Pairs sent at the same moment: an existing account's wrong password, an unknown address.
    const pairs: { existing: number; unknown: number }[] = [];

    const phase = async (flooding: boolean, round: number) => {
      const until = performance.now() + PHASE_MS;
      const inFlight: Promise<void>[] = [];
      const timer = flooding
        ? setInterval(() => {
            const attacker = attackers[flood.sent++ % ADDRESSES]!;
            inFlight.push(
              attacker.signIn(`${randomUUID()}@globex.test`, "a guessed password").then(
                (reply) => {
                  flood.answers.set(reply.status, (flood.answers.get(reply.status) ?? 0) + 1);
                  flood.ms.push(reply.ms);
                },
                () => void flood.answers.set(0, (flood.answers.get(0) ?? 0) + 1), // no answer at all
              ),
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
      // Timing probes at three moments of each flooded phase, each account failing at most five times (all free).
      const probe = flooding
        ? Promise.all(
            [0.2, 0.5, 0.8].map(async (at, i) => {
              await sleep(PHASE_MS * at);
              const [existing, unknown] = [0, 1].map(
                (k) => new SignInClient(agent, PORT, globex, `198.18.${round + 2}.${i * 2 + k}`),
              );
              await Promise.all([existing!.prepare(), unknown!.prepare()]);
              const [a, b] = await Promise.all([
                existing!.signIn(probed[i]!, "not the password"),
                unknown!.signIn(`${randomUUID()}@globex.test`, "not the password"),
              ]);
              pairs.push({ existing: a.ms, unknown: b.ms });
            }),
          )
        : Promise.resolve();
      latencies[flooding ? "flood" : "quiet"].push(...(await apiAtRate(agent, PORT, api, API_PER_SECOND, until)));
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
      `sign-in flood (next start, ${postgres ? "PostgreSQL" : "PGlite"}): ${PER_SECOND}/s sign-ins with random unknown e-mails on globex from ${ADDRESSES} addresses; ${ROUNDS} rounds × ${PHASE_MS / 1000} s per phase, interleaved; acme's API at ${API_PER_SECOND} requests/s`,
      samples,
      "acme API, no flood",
      samples.map((sample) => sample.durationsMs.length / ((ROUNDS * PHASE_MS) / 1000)),
    );
    for (const sample of samples) {
      const sorted = [...sample.durationsMs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
      console.log(`${sample.name}: p90 ${at(0.9)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms over ${sorted.length} requests`);
    }
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
    const differences = pairs.map((p) => p.existing - p.unknown);
    console.log(
      `timing, ${pairs.length} pairs sent together during the flood: an existing account's wrong password ${median(pairs.map((p) => p.existing))} ms, an unknown address ${median(pairs.map((p) => p.unknown))} ms (median difference ${median(differences)} ms)`,
    );
    await sleep(6_000); // one flush interval of the aggregated audit rows
    const audit = await countedInAuditLog(agent, platformKey);
    console.log(
      `globex's audit log: ${audit.counted} failures for unknown accounts in ${audit.rows} aggregated rows (answered 401: ${flood.answers.get(401) ?? 0} in the flood + ${pairs.length} timing probes), each one argon2id hash`,
    );
  } finally {
    agent.destroy();
    process.off("exit", stopOnExit);
    await server.stop();
  }
}
