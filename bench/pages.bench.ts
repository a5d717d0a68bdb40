// Whole requests against the production build (`next start`, embedded
// database): a tenant's branded home page versus the platform's home page,
// which goes through the same middleware, CSP and layout but resolves no
// tenant and loads no brand. The difference is what tenancy costs a page.
import { loadTest } from "./http";
import type { BenchServer } from "./server";
import { printTable } from "./stats";

export async function benchPages({ port }: BenchServer): Promise<void> {
  const PORT = port;
  const options = { rounds: Number(process.env.BENCH_ROUNDS_HTTP ?? 6), perRound: 200, concurrency: 8 };
  const { samples, throughput } = await loadTest(
    PORT,
    [
      { name: "platform home (no tenancy)", host: `localhost:${PORT}`, path: "/" },
      { name: "tenant home (acme, branded)", host: `acme.localhost:${PORT}`, path: "/" },
    ],
    options,
  );
  printTable(
    `pages over HTTP (next start, PGlite): ${options.rounds} rounds × ${options.perRound} requests, ${options.concurrency} connections`,
    samples,
    "platform home (no tenancy)",
    throughput,
  );
}
