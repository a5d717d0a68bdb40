import "server-only";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { decision, type RateLimitDecision, WINDOW_MS } from "./sliding-window";

// One sorted set per key, scored by the time of each allowed request. The
// script trims what left the window, counts, and adds this request only if
// there is room, atomically, with Redis's own clock so that instances with
// drifting clocks still share one window. Returns allowed, the count after
// the decision, the oldest counted time, and now (all in ms).
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', KEYS[1], window)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {allowed, count, tonumber(oldest[2] or now), now}
`;

export class RedisRateLimitStore {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, limit: number): Promise<RateLimitDecision> {
    const [allowed, count, oldest, now] = (await this.redis.eval(
      SCRIPT,
      1,
      `livery:rl:${key}`,
      WINDOW_MS,
      limit,
      randomUUID(),
    )) as [number, number, number, number];
    return decision(limit, allowed === 1, count, oldest, now);
  }
}
