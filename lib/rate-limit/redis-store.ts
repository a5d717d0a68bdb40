import "server-only";
import type { Redis } from "ioredis";
import { decide, type RateLimitDecision, WINDOW_MS, windowIndex } from "./sliding-window";

// Reads both windows and increments the current one only when the request is
// allowed, in one atomic step, so instances sharing Redis share one limit.
// The decision arithmetic is repeated in sliding-window.ts for the response headers.
const SCRIPT = `
local previous = tonumber(redis.call('GET', KEYS[1]) or '0')
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
local limit = tonumber(ARGV[1])
local weight = tonumber(ARGV[2])
if previous * weight + current + 1 <= limit then
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return {previous, current}
`;

export class RedisRateLimitStore {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, limit: number, now = Date.now()): Promise<RateLimitDecision> {
    const window = windowIndex(now);
    const weight = 1 - (now - window * WINDOW_MS) / WINDOW_MS;
    const [previous, current] = (await this.redis.eval(
      SCRIPT,
      2,
      `livery:rl:${key}:${window - 1}`,
      `livery:rl:${key}:${window}`,
      limit,
      weight,
      WINDOW_MS * 2,
    )) as [number, number];
    return decide(limit, previous, current, now);
  }
}
