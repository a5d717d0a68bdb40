// Runs once when a server instance starts: a bad environment stops it here,
// with a message naming the variable, instead of on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv } = await import("./lib/env");
    const env = getEnv();
    const { perIpLimitWarning } = await import("./lib/auth/throttle");
    const warning = perIpLimitWarning(env);
    if (warning) console.warn(warning);
    // Usage counts are batched in memory; a graceful stop must write them.
    const { installUsageFlushOnExit } = await import("./lib/usage/shutdown");
    installUsageFlushOnExit();
    // Background jobs (domain re-checks): one pg-boss runner per server
    // process, never while `next build` loads this file (Next skips register()
    // then too) and never on the Edge runtime, which has no database.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { installJobRunner } = await import("./lib/jobs/lifecycle");
      installJobRunner();
    }
  }
}
