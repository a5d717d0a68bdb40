import "server-only";
import PgBoss from "pg-boss";
import { JOB_SCHEMA, type JobConnection, jobConnection } from "./database";
import { JOBS, type JobName } from "./jobs";

/**
 * The one job queue runner of a process: pg-boss 10 on the database itself
 * (decision in the architecture brief: durable, shared by every instance, no
 * second system), on PGlite too. Each job in jobs.ts gets a queue, a worker
 * and, with a cron, a schedule; pg-boss's scheduler queues a scheduled job
 * once across all instances, and a "stately" queue holds at most one waiting
 * and one running job of each kind, so instances never pile sweeps up.
 */
export type JobRunnerOptions = {
  connection?: JobConnection;
  schema?: string;
  /** How often an idle worker asks for work; tests make it short. */
  pollingIntervalSeconds?: number;
  /** Register the jobs' cron schedules (off in tests that send jobs themselves). */
  schedule?: boolean;
};

export type JobRunner = {
  boss: PgBoss;
  /** Queues a job now; null when one is already waiting. */
  send(name: JobName): Promise<string | null>;
  stop(): Promise<void>;
};

// A job queued by the schedule starts within a minute or so of its time;
// nothing here needs seconds, and on PGlite each poll is a query on the
// app's only connection, so the pollers run less often than pg-boss's defaults.
const TUNING = {
  cronWorkerIntervalSeconds: 45,
  maintenanceIntervalSeconds: 600,
  retryLimit: 1,
  retryDelay: 60,
} as const;
const STOP_TIMEOUT_MS = 10_000;

const slot = globalThis as typeof globalThis & { __liveryJobRunner?: Promise<JobRunner> };

/** Starts this process's runner once; later calls return the same one. */
export function startJobRunner(options: JobRunnerOptions = {}): Promise<JobRunner> {
  slot.__liveryJobRunner ??= start(options).catch((error: unknown) => {
    slot.__liveryJobRunner = undefined;
    throw error;
  });
  return slot.__liveryJobRunner;
}

/** Stops this process's runner, if one was started: running jobs are told to stop and get a few seconds. */
export async function stopJobRunner(): Promise<void> {
  const runner = slot.__liveryJobRunner;
  slot.__liveryJobRunner = undefined;
  await (await runner?.catch(() => undefined))?.stop();
}

async function start(options: JobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({ ...(options.connection ?? jobConnection()), schema: options.schema ?? JOB_SCHEMA, ...TUNING });
  // pg-boss reports failures of its own loops as events; without a listener an EventEmitter would throw.
  boss.on("error", (error: Error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  const stopping = new AbortController();
  for (const job of JOBS) {
    await boss.createQueue(job.name, { name: job.name, policy: "stately", expireInSeconds: job.expireInSeconds });
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, async () => {
      await job.run(stopping.signal);
    });
    if (options.schedule !== false && job.cron) await boss.schedule(job.name, job.cron);
  }
  return {
    boss,
    send: (name) => boss.send(name, {}),
    stop: async () => {
      stopping.abort();
      await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true });
    },
  };
}
