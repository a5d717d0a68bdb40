import http from "node:http";
import type { Sample } from "./stats";

export type Target = {
  name: string;
  host: string;
  path: string;
  headers?: Record<string, string>;
  /** Sees each answer's headers (e.g. to count what the server reports about it). */
  onHeaders?: (headers: http.IncomingHttpHeaders) => void;
};

/**
 * Sends `perRound` requests to each target per round, `concurrency` at a
 * time over keep-alive connections, alternating targets round by round so a
 * noisy machine slows them alike. Returns per-request latencies and each
 * target's wall time, for throughput.
 */
export async function loadTest(
  port: number,
  targets: Target[],
  options: { rounds: number; perRound: number; concurrency: number },
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const samples: Sample[] = targets.map((t) => ({ name: t.name, durationsMs: [] }));
  const wallMs = targets.map(() => 0);
  try {
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, target] of targets.entries()) {
        const started = performance.now();
        let next = 0;
        const worker = async () => {
          while (next++ < options.perRound) samples[i]!.durationsMs.push(await timedGet(agent, port, target));
        };
        await Promise.all(Array.from({ length: options.concurrency }, worker));
        wallMs[i]! += performance.now() - started;
      }
    }
  } finally {
    agent.destroy();
  }
  return { samples, throughput: wallMs.map((ms, i) => (samples[i]!.durationsMs.length / ms) * 1000) };
}

function timedGet(agent: http.Agent, port: number, target: Target): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port, path: target.path, headers: { ...target.headers, host: target.host }, agent },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`${target.name}: HTTP ${response.statusCode}`));
        target.onHeaders?.(response.headers);
        response.resume();
        response.on("end", () => resolve(performance.now() - started));
      },
    );
    request.on("error", reject);
  });
}
