// The TLS edge's ask endpoint (issue 16) against /api/health over HTTP: both
// pass the middleware without a tenant; the ask endpoint adds its token check
// and a cached answer. Goal: median at most 1.2× health's, and no database
// query once the answer is cached (the server says which answers needed one).
import { loadTest } from "./http";
import type { BenchServer } from "./server";
import { printTable, summarise } from "./stats";

export async function benchTlsAsk({ port, askToken }: BenchServer): Promise<void> {
  const host = `127.0.0.1:${port}`;
  const ask = `/api/internal/tls/ask?token=${askToken}&domain=portal.acme.test`;
  // The first ask fills the cache; the measured ones should all be answered from it.
  const first = await fetch(`http://${host}${ask}`);
  if (first.status !== 200) throw new Error(`the ask endpoint answered ${first.status} for the demo's verified domain`);
  let answers = 0;
  let lookups = 0;
  const options = { rounds: Number(process.env.BENCH_ROUNDS_HTTP ?? 6), perRound: 300, concurrency: 8 };
  const { samples, throughput } = await loadTest(
    port,
    [
      { name: "GET /api/health", host, path: "/api/health" },
      {
        name: "GET /api/internal/tls/ask (allowed)",
        host,
        path: ask,
        onHeaders: (headers) => {
          answers++;
          if (headers["x-livery-ask"] !== "cached") lookups++;
        },
      },
    ],
    options,
  );
  printTable(
    `TLS ask endpoint over HTTP (next start, PGlite): ${options.rounds} rounds × ${options.perRound} requests, ${options.concurrency} connections; goal ≤ 1.2× health's median`,
    samples,
    "GET /api/health",
    throughput,
  );
  const [health, asked] = samples.map(summarise);
  const ratio = asked!.medianMs / health!.medianMs;
  console.log(`ask ÷ health (median): ${ratio.toFixed(2)}× (goal ≤ 1.2×: ${ratio <= 1.2 ? "met" : "NOT met"})`);
  console.log(`ask answers measured: ${answers}, of which needed the database: ${lookups} (goal 0)`);
}
