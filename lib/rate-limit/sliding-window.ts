/**
 * A sliding-window log: each allowed request's time is kept for one window,
 * and a request is allowed while fewer than `limit` remain. Exact — no more
 * than `limit` requests in any 60-second interval, whatever the traffic's
 * shape — at the cost of one timestamp per allowed request (so at most
 * `limit` per key). The same rule runs in memory and in the Redis script.
 */
export const WINDOW_MS = 60_000;

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the oldest counted request leaves the window, freeing a slot (RateLimit-Reset). */
  resetSeconds: number;
  /** On a refusal: seconds until a request would be allowed again. */
  retryAfterSeconds: number;
};

/** The decision, given how many requests are in the window after this one was (or was not) counted. */
export function decision(limit: number, allowed: boolean, counted: number, oldestMs: number, now: number): RateLimitDecision {
  const untilFree = Math.max(1, Math.ceil((oldestMs + WINDOW_MS - now) / 1000));
  return {
    allowed,
    limit,
    remaining: Math.max(0, limit - counted),
    resetSeconds: counted === 0 ? 1 : untilFree,
    retryAfterSeconds: allowed ? 0 : untilFree,
  };
}
