import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisRateLimitStore } from "@/lib/rate-limit/redis-store";

// Two instances share one limit through Redis: each has its own connection,
// as two `next start` processes would.
describe.runIf(process.env.REDIS_TEST_URL)("rate limit shared through Redis", () => {
  let a: Redis;
  let b: Redis;

  beforeAll(() => {
    a = new Redis(process.env.REDIS_TEST_URL!);
    b = new Redis(process.env.REDIS_TEST_URL!);
  });

  afterAll(async () => {
    await a.quit();
    await b.quit();
  });

  it("allows the limit once across both instances, counting concurrent requests atomically", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const stores = [new RedisRateLimitStore(a), new RedisRateLimitStore(b)];
    const now = Date.now();
    const decisions = await Promise.all(Array.from({ length: 120 }, (_, i) => stores[i % 2]!.hit(key, 50, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(50);
    const refused = decisions.find((d) => !d.allowed)!;
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("expires its counters, so idle tenants leave nothing behind", async () => {
    const key = `test:${crypto.randomUUID()}`;
    await new RedisRateLimitStore(a).hit(key, 5);
    const keys = await a.keys(`livery:rl:${key}:*`);
    expect(keys).toHaveLength(1);
    const ttl = await a.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });
});
