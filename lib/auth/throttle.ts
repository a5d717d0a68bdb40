import type { Redis } from "ioredis";

/**
 * Sign-in throttling: after SIGN_IN_MAX_FAILURES failed attempts for one key
 * (an account, or an IP address) within SIGN_IN_WINDOW_MS, further attempts
 * for it are refused until the oldest failure leaves the window. A success
 * clears the account's failures, not the IP's.
 *
 * In memory per instance by default; in Redis when REDIS_URL is set, so every
 * instance counts the same failures.
 */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export interface FailureStore {
  /** Failures within the window, after recording one when `record` is set. */
  count(key: string, now: number, record: boolean): Promise<number>;
  clear(key: string): Promise<void>;
}

export class MemoryFailureStore implements FailureStore {
  private readonly failures = new Map<string, number[]>();

  async count(key: string, now: number, record: boolean): Promise<number> {
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - SIGN_IN_WINDOW_MS);
    if (record) recent.push(now);
    if (recent.length > 0) this.failures.set(key, recent);
    else this.failures.delete(key);
    return recent.length;
  }

  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }
}

export class RedisFailureStore implements FailureStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "livery:sign-in-failures:",
  ) {}

  async count(key: string, now: number, record: boolean): Promise<number> {
    const k = this.prefix + key;
    const pipeline = this.redis.multi().zremrangebyscore(k, 0, now - SIGN_IN_WINDOW_MS);
    if (record) pipeline.zadd(k, now, `${now}:${Math.random()}`).pexpire(k, SIGN_IN_WINDOW_MS);
    const results = await pipeline.zcard(k).exec();
    return Number(results?.at(-1)?.[1] ?? 0);
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

export class SignInThrottle {
  constructor(
    private readonly store: FailureStore,
    private readonly now: () => number = Date.now,
  ) {}

  async isThrottled(keys: string[]): Promise<boolean> {
    const counts = await Promise.all(keys.map((key) => this.store.count(key, this.now(), false)));
    return counts.some((n) => n >= SIGN_IN_MAX_FAILURES);
  }

  async recordFailure(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.count(key, this.now(), true)));
  }

  async recordSuccess(accountKey: string): Promise<void> {
    await this.store.clear(accountKey);
  }
}
