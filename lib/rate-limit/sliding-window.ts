/**
 * Sliding-window counter: the count of the current fixed window plus the
 * previous window's count weighted by how much of it still overlaps the
 * sliding window. Two integers per key, exact at window boundaries under a
 * steady rate, and the same arithmetic in memory and in the Redis script.
 */
export const WINDOW_MS = 60_000;

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current fixed window ends (RateLimit-Reset). */
  resetSeconds: number;
  /** On a refusal: seconds until a request would be allowed again. */
  retryAfterSeconds: number;
};

export function windowIndex(now: number): number {
  return Math.floor(now / WINDOW_MS);
}

/** Decides a request given the counts before it. `current` excludes the request itself. */
export function decide(limit: number, previous: number, current: number, now: number): RateLimitDecision {
  const elapsed = now - windowIndex(now) * WINDOW_MS;
  const weight = 1 - elapsed / WINDOW_MS;
  const estimated = previous * weight + current;
  const allowed = estimated + 1 <= limit;
  const used = allowed ? estimated + 1 : estimated;
  const resetSeconds = Math.max(1, Math.ceil((WINDOW_MS - elapsed) / 1000));
  let retryAfterSeconds = 0;
  if (!allowed) {
    // Wait until enough of the previous window has slid out, or, when the
    // current window alone is full, until the next window has begun.
    const roomNeeded = estimated + 1 - limit;
    const untilFree = previous > 0 && current + 1 <= limit ? (roomNeeded / previous) * WINDOW_MS : Infinity;
    retryAfterSeconds = Math.max(1, Math.ceil(Math.min(untilFree, WINDOW_MS - elapsed + 1) / 1000));
  }
  return { allowed, limit, remaining: Math.max(0, Math.floor(limit - used)), resetSeconds, retryAfterSeconds };
}
