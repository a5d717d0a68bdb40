import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICIES, RedisFailureStore, SignInThrottle } from "@/lib/auth/throttle";

// Two instances back off one account together through Redis, as two `next
// start` processes would (H4: the same policy as in memory).
describe.runIf(process.env.REDIS_TEST_URL)("H4 sign-in back-off shared through Redis", () => {
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

  it("H4 counts failures from both instances and backs off on both, forgetting on success", async () => {
    const prefix = `test:backoff:${crypto.randomUUID()}:`;
    let now = 1_000_000;
    const one = new SignInThrottle(new RedisFailureStore(a, prefix), () => now);
    const two = new SignInThrottle(new RedisFailureStore(b, prefix), () => now);
    const account = { key: "acme:jane@acme.test", policy: POLICIES.account };
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).recordFailure([account])));
    expect(await one.waitMs([account])).toBe(2_000);
    expect(await two.waitMs([account])).toBe(2_000);
    now += 2_000;
    expect(await two.waitMs([account])).toBe(0);
    await one.recordSuccess(account.key);
    expect(await two.waitMs([account])).toBe(0);
    expect(await a.exists(`${prefix}${account.key}`)).toBe(0);
  });

  it("expires a key after its policy's quiet time", async () => {
    const prefix = `test:backoff:${crypto.randomUUID()}:`;
    const throttle = new SignInThrottle(new RedisFailureStore(a, prefix));
    await throttle.recordFailure([{ key: "ip:203.0.113.9", policy: POLICIES.ip }]);
    const ttl = await a.pttl(`${prefix}ip:203.0.113.9`);
    expect(ttl).toBeGreaterThan(POLICIES.ip.forgetAfterMs - 5_000);
    expect(ttl).toBeLessThanOrEqual(POLICIES.ip.forgetAfterMs);
  });
});
