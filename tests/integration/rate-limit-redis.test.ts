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
    const decisions = await Promise.all(Array.from({ length: 120 }, (_, i) => stores[i % 2]!.hit(key, 50)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(50);
    const refused = decisions.find((d) => !d.allowed)!;
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(
      decisions
        .filter((d) => d.allowed)
        .map((d) => d.remaining)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("expires its counters, so idle tenants leave nothing behind", async () => {
    const key = `test:${crypto.randomUUID()}`;
    await new RedisRateLimitStore(a).hit(key, 5);
    const ttl = await a.pttl(`livery:rl:${key}`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
