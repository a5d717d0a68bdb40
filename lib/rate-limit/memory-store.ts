import { decide, type RateLimitDecision, windowIndex } from "./sliding-window";

type Counter = { window: number; current: number; previous: number };

/** Per-instance counters: the default, and the fallback when Redis fails. */
export class MemoryRateLimitStore {
  private readonly counters = new Map<string, Counter>();

  hit(key: string, limit: number, now = Date.now()): RateLimitDecision {
    const window = windowIndex(now);
    const counter = this.roll(this.counters.get(key), window);
    const decision = decide(limit, counter.previous, counter.current, now);
    if (decision.allowed) counter.current += 1;
    this.counters.set(key, counter);
    if (this.counters.size > 50_000) this.sweep(window);
    return decision;
  }

  private roll(counter: Counter | undefined, window: number): Counter {
    if (!counter || counter.window < window - 1) return { window, current: 0, previous: 0 };
    if (counter.window === window - 1) return { window, current: 0, previous: counter.current };
    return counter;
  }

  /** Counters two windows old can no longer affect a decision. */
  private sweep(window: number): void {
    for (const [key, counter] of this.counters) if (counter.window < window - 1) this.counters.delete(key);
  }

  clear(): void {
    this.counters.clear();
  }
}
