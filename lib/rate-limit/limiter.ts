import "server-only";
import { getRedis } from "@/lib/redis/client";
import { MemoryRateLimitStore } from "./memory-store";
import { RedisRateLimitStore } from "./redis-store";
import type { RateLimitDecision } from "./sliding-window";

const slot = globalThis as typeof globalThis & { __liveryRateLimitMemory?: MemoryRateLimitStore };
const memory = (slot.__liveryRateLimitMemory ??= new MemoryRateLimitStore());

/**
 * Counts one request against `key` (e.g. `tenant:<id>`), `limit` per minute.
 * Shared through Redis when REDIS_URL is set; if Redis fails, this instance
 * keeps limiting on its own rather than letting everything through.
 */
export async function hitRateLimit(key: string, limit: number): Promise<RateLimitDecision> {
  const redis = getRedis();
  if (!redis) return memory.hit(key, limit);
  try {
    return await new RedisRateLimitStore(redis).hit(key, limit);
  } catch (error) {
    console.error(`[rate-limit] Redis failed, limiting per instance: ${(error as Error).message}`);
    return memory.hit(key, limit);
  }
}

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
  if (!decision.allowed) headers["Retry-After"] = String(decision.retryAfterSeconds);
  return headers;
}

/** For tests. */
export function resetRateLimits(): void {
  memory.clear();
}
