import "server-only";
import { startJobRunner, stopJobRunner } from "./runner";

/**
 * Starts the job runner with the server, in the background: the server does
 * not wait for the queue's set-up to answer requests, and a failure to start
 * is logged rather than taking the portal down (jobs are re-checks and
 * clean-ups; the next start runs them). Installed once per process from
 * instrumentation.ts.
 *
 * On SIGTERM `next start` drains its HTTP server and then calls
 * process.exit() (see lib/usage/shutdown.ts): the runner is told to stop on
 * the signal, and that exit waits for it, so a running job finishes or is
 * handed back to the queue rather than cut off. Installed after the usage
 * hook, this one wraps it: jobs stop first, then usage is flushed.
 */
export function installJobRunner(): void {
  const slot = globalThis as typeof globalThis & { __liveryJobsInstalled?: boolean };
  if (slot.__liveryJobsInstalled) return;
  slot.__liveryJobsInstalled = true;

  const started = Date.now();
  startJobRunner().then(
    () => console.log(`[jobs] queue runner started in ${Date.now() - started} ms`),
    (error: Error) => console.error(`[jobs] the queue runner did not start: ${error.message}`),
  );

  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopJobRunner().catch((error: Error) => console.error(`[jobs] stop failed: ${error.message}`)));
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());

  const exit = process.exit.bind(process);
  process.exit = ((code?: number) => {
    if (!stopped) return exit(code);
    void stopped.finally(() => exit(code));
    return undefined as never;
  }) as typeof process.exit;
}
