import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "./memory-store";
import { decide, WINDOW_MS } from "./sliding-window";

const start = 1_000 * WINDOW_MS; // the start of a window

describe("sliding window", () => {
  it("allows exactly the limit within one window, then refuses until the window moves on", () => {
    const store = new MemoryRateLimitStore();
    const results = Array.from({ length: 12 }, (_, i) => store.hit("k", 10, start + i));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.map((r) => r.remaining).slice(0, 10)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(results[10]).toMatchObject({ allowed: false, remaining: 0 });
    expect(results[10]!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("weights the previous window by its overlap", () => {
    // 10 used in the previous window; a quarter into this one, 7.5 still count.
    expect(decide(10, 10, 0, start + WINDOW_MS / 4)).toMatchObject({ allowed: true, remaining: 1 });
    expect(decide(10, 10, 2, start + WINDOW_MS / 4)).toMatchObject({ allowed: false });
    // Three quarters in, only 2.5 still count.
    expect(decide(10, 10, 6, start + (3 * WINDOW_MS) / 4)).toMatchObject({ allowed: true });
  });

  it("forgets counts two windows old, and keeps keys apart", () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 10; i += 1) store.hit("a", 10, start);
    expect(store.hit("a", 10, start + 1).allowed).toBe(false);
    expect(store.hit("b", 10, start + 1).allowed).toBe(true);
    expect(store.hit("a", 10, start + 2 * WINDOW_MS).allowed).toBe(true);
  });

  it("tells a refused client when to come back, never more than one window away", () => {
    const full = decide(10, 0, 10, start + WINDOW_MS / 2);
    expect(full.allowed).toBe(false);
    expect(full.retryAfterSeconds).toBe(WINDOW_MS / 2000 + 1);
    const sliding = decide(10, 10, 1, start + WINDOW_MS / 2); // 5 + 1 = 6 used: allowed
    expect(sliding.allowed).toBe(true);
    const busy = decide(10, 20, 0, start + WINDOW_MS / 2); // 10 still count: wait for 1 to slide out
    expect(busy.allowed).toBe(false);
    expect(busy.retryAfterSeconds).toBe(Math.ceil(WINDOW_MS / 20 / 1000));
  });
});
