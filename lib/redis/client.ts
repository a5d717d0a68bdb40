import "server-only";
import { Redis } from "ioredis";
import { getEnv } from "@/lib/env";

// Redis is optional everywhere: without REDIS_URL these return null and
// callers fall back to per-instance behaviour.
const slot = globalThis as typeof globalThis & { __liveryRedis?: Redis | null; __liveryRedisSubscriber?: Redis | null };

function connect(url: string): Redis {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  // A broken Redis must degrade to per-instance behaviour, not crash the process.
  redis.on("error", (error: Error) => console.error(`[redis] ${error.message}`));
  return redis;
}

/** The shared command connection, or null without REDIS_URL. */
export function getRedis(): Redis | null {
  if (slot.__liveryRedis === undefined) {
    const url = getEnv().REDIS_URL;
    slot.__liveryRedis = url ? connect(url) : null;
  }
  return slot.__liveryRedis;
}

/** A connection in subscriber mode (Redis allows no other commands on it), or null. */
export function getRedisSubscriber(): Redis | null {
  if (slot.__liveryRedisSubscriber === undefined) {
    const url = getEnv().REDIS_URL;
    slot.__liveryRedisSubscriber = url ? connect(url) : null;
  }
  return slot.__liveryRedisSubscriber;
}

export async function disconnectRedis(): Promise<void> {
  for (const key of ["__liveryRedis", "__liveryRedisSubscriber"] as const) {
    const redis = slot[key];
    slot[key] = undefined;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }
}
