import { decision, type RateLimitDecision, WINDOW_MS } from "./sliding-window";

/** The times of the allowed requests still in the window, oldest first. */
type Log = { times: number[]; start: number };

/** Per-instance windows: the default, and the fallback when Redis fails. */
export class MemoryRateLimitStore {
  private readonly logs = new Map<string, Log>();

  hit(key: string, limit: number, now = Date.now()): RateLimitDecision {
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = { times: [], start: 0 }));
    while (log.start < log.times.length && log.times[log.start]! <= now - WINDOW_MS) log.start += 1;
    // Drop the expired prefix now and then rather than shifting on every request.
    if (log.start > 1024 || log.start === log.times.length) {
      log.times = log.times.slice(log.start);
      log.start = 0;
    }
    const inWindow = log.times.length - log.start;
    const allowed = inWindow < limit;
    if (allowed) log.times.push(now);
    const counted = inWindow + (allowed ? 1 : 0);
    if (this.logs.size > 50_000) this.sweep(now);
    return decision(limit, allowed, counted, log.times[log.start] ?? now, now);
  }

  /** Keys whose every request has left the window hold nothing worth keeping. */
  private sweep(now: number): void {
    for (const [key, log] of this.logs) if ((log.times.at(-1) ?? 0) <= now - WINDOW_MS) this.logs.delete(key);
  }

  clear(): void {
    this.logs.clear();
  }
}
