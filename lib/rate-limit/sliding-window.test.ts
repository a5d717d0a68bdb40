import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "./memory-store";
import { WINDOW_MS } from "./sliding-window";

const start = 1_000 * WINDOW_MS;

describe("sliding-window log", () => {
  it("allows exactly the limit, counting down, then refuses with Retry-After", () => {
    const store = new MemoryRateLimitStore();
    const results = Array.from({ length: 12 }, (_, i) => store.hit("k", 10, start + i));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.map((r) => r.remaining).slice(0, 10)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(results[10]).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
  });

  it("never allows more than the limit in any window, whatever the traffic's shape", () => {
    const store = new MemoryRateLimitStore();
    const allowedAt: number[] = [];
    // A burst, a trickle, another burst: one request every 250 ms for 3 minutes, bursts of 20 at 50 s and 110 s.
    for (let t = 0; t < 180_000; t += 250) {
      const burst = t === 50_000 || t === 110_000 ? 20 : 1;
      for (let i = 0; i < burst; i += 1) if (store.hit("k", 30, start + t).allowed) allowedAt.push(t);
    }
    for (const from of allowedAt) {
      expect(allowedAt.filter((t) => t >= from && t < from + WINDOW_MS).length).toBeLessThanOrEqual(30);
    }
    // …and it is not stingy either: a steady trickle below the limit always passes.
    const steady = new MemoryRateLimitStore();
    for (let t = 0; t < 180_000; t += 2_500) expect(steady.hit("s", 30, start + t).allowed).toBe(true);
  });

  it("frees a slot when the oldest request leaves the window, and keeps keys apart", () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 10; i += 1) store.hit("a", 10, start + i * 1000);
    expect(store.hit("a", 10, start + 30_000)).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    expect(store.hit("b", 10, start + 30_000).allowed).toBe(true);
    expect(store.hit("a", 10, start + WINDOW_MS + 1).allowed).toBe(true); // the first has left
    expect(store.hit("a", 10, start + WINDOW_MS + 2).allowed).toBe(false); // the second has not
  });
});
