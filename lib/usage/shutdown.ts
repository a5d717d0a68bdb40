import "server-only";
import { flushSignInAudit } from "@/lib/auth/sign-in-audit";
import { flushAsked } from "@/lib/tls/asked";
import { flushUsage, pendingUsage } from "./meter";

/**
 * `next start` answers SIGTERM by closing its HTTP server (letting requests in
 * flight finish) and then calling process.exit(). Usage counted by those last
 * requests, and sign-in refusals not yet audited, must be written before that exit, so the exit waits for one final
 * flush. Installed once per process from instrumentation.ts.
 */
export function installUsageFlushOnExit(): void {
  const slot = globalThis as typeof globalThis & { __liveryExitHooked?: boolean };
  if (slot.__liveryExitHooked) return;
  slot.__liveryExitHooked = true;

  let stopping = false;
  const onSignal = () => {
    stopping = true;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);

  const exit = process.exit.bind(process);
  let exiting = false;
  process.exit = ((code?: number) => {
    if (!stopping || exiting) return exit(code);
    exiting = true;
    const { apiCalls } = pendingUsage();
    // Sign-in refusals are audited write-behind too (lib/auth/sign-in-audit.ts): the last few seconds of them as well.
    // And the TLS edge's last asks (lib/tls/asked.ts).
    Promise.all([flushUsage(), flushSignInAudit(), flushAsked()])
      .then(() => console.log(`[usage] flushed ${apiCalls} pending API call(s) and the sign-in audit before exit`))
      .catch((error: Error) => console.error(`[usage] final flush failed: ${error.message}`))
      .finally(() => exit(code));
    return undefined as never;
  }) as typeof process.exit;
}
