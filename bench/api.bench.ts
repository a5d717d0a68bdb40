// An authenticated, rate-limited, metered API request against a bare route
// handler that returns the same JSON from the same cached tenant snapshot.
// Both go through the same middleware; the difference is the wrapper's cost.
import { loadTest } from "./http";
import type { BenchServer } from "./server";
import { printTable } from "./stats";

export async function benchApi({ port, apiKey }: BenchServer): Promise<void> {
  const host = `acme.localhost:${port}`;
  const options = { rounds: Number(process.env.BENCH_ROUNDS_HTTP ?? 6), perRound: 300, concurrency: 8 };
  const { samples, throughput } = await loadTest(
    port,
    [
      { name: "bare route handler (same JSON)", host, path: "/api/bench/tenant-info" },
      {
        name: "GET /api/v1/tenants/current/info",
        host,
        path: "/api/v1/tenants/current/info",
        headers: { authorization: `Bearer ${apiKey}` },
      },
    ],
    options,
  );
  printTable(
    `API over HTTP (next start, PGlite): ${options.rounds} rounds × ${options.perRound} requests, ${options.concurrency} connections; goal ≥ 0.85× bare throughput`,
    samples,
    "bare route handler (same JSON)",
    throughput,
  );
}
