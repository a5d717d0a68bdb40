import type { Redis } from "ioredis";

/**
 * Sign-in back-off. Each key (an account, a client address, an account on
 * one known device) counts its failures; after `freeFailures` of them the
 * next attempt must wait `baseMs`, doubling with every further failure up to
 * `maxMs`. A key is forgotten `forgetAfterMs` after its last failure, and an
 * account's own key on success. Nothing is ever locked for good: the owner
 * on a known device does not share the account's key at all
 * (lib/auth/known-client.ts), so failures by others cannot keep them out.
 *
 * In memory per instance by default; in Redis when REDIS_URL is set, so every
 * instance counts the same failures.
 */
export type BackoffPolicy = { freeFailures: number; baseMs: number; maxMs: number; forgetAfterMs: number };

const MINUTE = 60_000;
export const POLICIES = {
  // 5 free, then 1 s, 2 s, 4 s … 15 min: about 100 guesses a day at most.
  account: { freeFailures: 5, baseMs: 1_000, maxMs: 15 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE },
  // An office or a mobile carrier puts many people behind one address.
  ip: { freeFailures: 20, baseMs: 1_000, maxMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
} as const satisfies Record<string, BackoffPolicy>;

export type ThrottleKey = { key: string; policy: BackoffPolicy };
export type FailureRecord = { count: number; last: number };

export function backoffMs(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, failures - policy.freeFailures));
}

export interface FailureStore {
  get(key: string, now: number): Promise<FailureRecord | null>;
  /** Records one failure and keeps the key for `ttlMs` from now. */
  add(key: string, now: number, ttlMs: number): Promise<FailureRecord>;
  clear(key: string): Promise<void>;
}

export class MemoryFailureStore implements FailureStore {
  private readonly records = new Map<string, FailureRecord & { expires: number }>();

  // Random e-mails make a key each: the oldest go first past this many.
  constructor(private readonly maxKeys = 100_000) {}

  async get(key: string, now: number): Promise<FailureRecord | null> {
    const record = this.records.get(key);
    if (record && record.expires <= now) this.records.delete(key);
    return record && record.expires > now ? { count: record.count, last: record.last } : null;
  }

  async add(key: string, now: number, ttlMs: number): Promise<FailureRecord> {
    const count = ((await this.get(key, now))?.count ?? 0) + 1;
    // Re-inserting keeps the map in order of last failure, oldest first.
    this.records.delete(key);
    this.records.set(key, { count, last: now, expires: now + ttlMs });
    for (const oldest of this.records.keys()) {
      if (this.records.size <= this.maxKeys) break;
      this.records.delete(oldest);
    }
    return { count, last: now };
  }

  async clear(key: string): Promise<void> {
    this.records.delete(key);
  }
}

export class RedisFailureStore implements FailureStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "livery:sign-in-backoff:",
  ) {}

  async get(key: string): Promise<FailureRecord | null> {
    const [count, last] = await this.redis.hmget(this.prefix + key, "count", "last");
    return count ? { count: Number(count), last: Number(last) } : null;
  }

  async add(key: string, now: number, ttlMs: number): Promise<FailureRecord> {
    const k = this.prefix + key;
    const results = await this.redis.multi().hincrby(k, "count", 1).hset(k, "last", now).pexpire(k, ttlMs).exec();
    return { count: Number(results?.[0]?.[1] ?? 1), last: now };
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

  /** How long to wait before another attempt for these keys (0: go ahead). */
  async waitMs(keys: ThrottleKey[]): Promise<number> {
    const now = this.now();
    const records = await Promise.all(keys.map(({ key }) => this.store.get(key, now)));
    return Math.max(
      0,
      ...records.map((record, i) => (record ? record.last + backoffMs(record.count, keys[i]!.policy) - now : 0)),
    );
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    const now = this.now();
    await Promise.all(keys.map(({ key, policy }) => this.store.add(key, now, policy.forgetAfterMs)));
  }

  async recordSuccess(key: string): Promise<void> {
    await this.store.clear(key);
  }
}

/**
 * Said once at start-up (instrumentation.ts): without a trusted proxy the
 * client address is unknown (lib/http/client-ip.ts), so sign-in backs off
 * per account only.
 */
export function perIpLimitWarning(env: { NODE_ENV: string; TRUSTED_PROXY_HOPS: number }): string | null {
  if (env.NODE_ENV !== "production" || env.TRUSTED_PROXY_HOPS > 0) return null;
  return "[auth] TRUSTED_PROXY_HOPS is 0: client addresses are unknown, so per-IP sign-in limits are off (accounts still back off). Set it to the number of proxies in front of the app.";
}
