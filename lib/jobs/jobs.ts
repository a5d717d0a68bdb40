import "server-only";
import { runDomainSweep } from "@/lib/domains/sweep";

/**
 * Every background job: its queue, its schedule (cron, UTC) and its work.
 * Work must be idempotent: a job may run twice (a retry after a crash, or a
 * second instance), and must return early when `signal` aborts (shutdown).
 */
export type JobDefinition = {
  name: string;
  /** When the job is queued by itself; pg-boss runs one scheduler across all instances. */
  cron?: string;
  /** The longest one run may take before pg-boss counts it failed (and retries it). */
  expireInSeconds: number;
  run(signal: AbortSignal): Promise<unknown>;
};

export const JOBS = [
  {
    // Re-checks routing custom domains when due and ends expired claims and
    // grace periods (lib/domains/sweep.ts). Every 10 minutes: a domain's
    // deadline is met within that, and each run does only what is due.
    name: "domain-sweep",
    cron: "*/10 * * * *",
    expireInSeconds: 900,
    run: (signal) => runDomainSweep(new Date(), signal),
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof JOBS)[number]["name"];
