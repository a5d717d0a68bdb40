export type Sample = { name: string; durationsMs: number[] };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarise(sample: Sample) {
  const sorted = [...sample.durationsMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, d) => sum + d, 0);
  return {
    name: sample.name,
    n: sorted.length,
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    opsPerSec: (sorted.length / total) * 1000,
  };
}

/**
 * Runs the variants interleaved (a, b, c, a, b, c, …) so that noise from a
 * busy machine hits all of them alike; ratios between them are what to read.
 */
export async function interleave(
  variants: Record<string, () => Promise<unknown>>,
  rounds: number,
  warmup = 50,
): Promise<Sample[]> {
  const entries = Object.entries(variants);
  for (let i = 0; i < warmup; i++) for (const [, run] of entries) await run();
  const samples = entries.map(([name]) => ({ name, durationsMs: [] as number[] }));
  for (let i = 0; i < rounds; i++) {
    for (const [j, [, run]] of entries.entries()) {
      const start = performance.now();
      await run();
      samples[j]!.durationsMs.push(performance.now() - start);
    }
  }
  return samples;
}

/**
 * Prints one row per variant with its median/p99 latency and its ratio to the
 * baseline. `throughput` overrides the ops/s column when requests ran
 * concurrently (sequential latencies would understate it).
 */
export function printTable(title: string, samples: Sample[], baseline: string, throughput?: number[]): void {
  const rows = samples.map((sample, i) => {
    const row = summarise(sample);
    return throughput?.[i] === undefined ? row : { ...row, opsPerSec: throughput[i] };
  });
  const base = rows.find((r) => r.name === baseline)!;
  console.log(`\n${title}`);
  console.log(
    `${"variant".padEnd(44)}${"median ms".padStart(11)}${"p99 ms".padStart(10)}${"ops/s".padStart(10)}${"× baseline (median)".padStart(22)}${"× baseline (ops/s)".padStart(20)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(44)}${r.medianMs.toFixed(3).padStart(11)}${r.p99Ms.toFixed(3).padStart(10)}${r.opsPerSec.toFixed(0).padStart(10)}${(r.medianMs / base.medianMs).toPrecision(3).padStart(22)}${(r.opsPerSec / base.opsPerSec).toPrecision(3).padStart(20)}`,
    );
  }
}
