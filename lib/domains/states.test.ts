import { describe, expect, it } from "vitest";
import { DOMAIN_STATES, DOMAIN_TIMING, type DomainClock, type DomainEvent, type DomainState, nextDomainState } from "./states";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const EARLIER = at(-1_000);
const LATER = at(1_000);
const VERIFIED_AT = at(-30 * 24 * 3_600_000);

const clocks: Record<DomainState, DomainClock> = {
  pending: { state: "pending", verifiedAt: null, expiresAt: LATER, nextCheckAt: null },
  verified: { state: "verified", verifiedAt: VERIFIED_AT, expiresAt: null, nextCheckAt: LATER },
  lapsing: { state: "lapsing", verifiedAt: VERIFIED_AT, expiresAt: LATER, nextCheckAt: LATER },
  lapsed: { state: "lapsed", verifiedAt: VERIFIED_AT, expiresAt: null, nextCheckAt: null },
  expired: { state: "expired", verifiedAt: null, expiresAt: null, nextCheckAt: null },
};

const verified = { state: "verified", verifiedAt: NOW, expiresAt: null, nextCheckAt: at(DOMAIN_TIMING.recheckMs) };
const pending = { state: "pending", verifiedAt: null, expiresAt: at(DOMAIN_TIMING.pendingClaimMs), nextCheckAt: null };

// Every (state, event) pair: what follows, or null for "nothing changes".
const TABLE: [DomainState, DomainEvent, DomainClock | null][] = [
  ["pending", "claim", null],
  ["pending", "passed", verified as DomainClock],
  ["pending", "failed", null],
  ["pending", "taken", { ...clocks.pending, expiresAt: at(DOMAIN_TIMING.graceMs + DOMAIN_TIMING.recheckMs) }],
  ["pending", "tick", null],
  ["verified", "claim", null],
  ["verified", "passed", { ...verified, verifiedAt: VERIFIED_AT } as DomainClock],
  [
    "verified",
    "failed",
    {
      state: "lapsing",
      verifiedAt: VERIFIED_AT,
      expiresAt: at(DOMAIN_TIMING.graceMs),
      nextCheckAt: at(DOMAIN_TIMING.lapsingRecheckMs),
    },
  ],
  ["verified", "taken", null],
  ["verified", "tick", null],
  ["lapsing", "claim", null],
  ["lapsing", "passed", { ...verified, verifiedAt: VERIFIED_AT } as DomainClock],
  // Missing for almost the whole grace period: the back-off is at its longest.
  ["lapsing", "failed", { ...clocks.lapsing, nextCheckAt: at(DOMAIN_TIMING.recheckMs) }],
  ["lapsing", "taken", null],
  ["lapsing", "tick", null],
  ["lapsed", "claim", pending as DomainClock],
  ["lapsed", "passed", null],
  ["lapsed", "failed", null],
  ["lapsed", "taken", null],
  ["lapsed", "tick", null],
  ["expired", "claim", pending as DomainClock],
  ["expired", "passed", null],
  ["expired", "failed", null],
  ["expired", "taken", null],
  ["expired", "tick", null],
];

describe("the domain state machine", () => {
  it("H6: covers every state and event", () => {
    const events = new Set(TABLE.map(([, event]) => event));
    expect(TABLE).toHaveLength(DOMAIN_STATES.length * events.size);
  });

  it.each(TABLE)("H6: %s + %s", (state, event, expected) => {
    expect(nextDomainState(clocks[state], event, NOW)).toEqual(expected);
  });

  it("H6: a pending claim expires once its window has passed, not before", () => {
    expect(nextDomainState({ ...clocks.pending, expiresAt: LATER }, "tick", NOW)).toBeNull();
    expect(nextDomainState({ ...clocks.pending, expiresAt: EARLIER }, "tick", NOW)).toEqual({
      state: "expired",
      verifiedAt: null,
      expiresAt: null,
      nextCheckAt: null,
    });
  });

  it("H6: a lapsing domain lapses once its grace period has passed, and keeps the time it was verified", () => {
    expect(nextDomainState({ ...clocks.lapsing, expiresAt: NOW }, "tick", NOW)).toEqual({
      state: "lapsed",
      verifiedAt: VERIFIED_AT,
      expiresAt: null,
      nextCheckAt: null,
    });
  });

  it("H6: a contested claim's window is extended to outlast the other claim's grace period, never shortened", () => {
    const long = { ...clocks.pending, expiresAt: at(30 * 24 * 3_600_000) };
    expect(nextDomainState(long, "taken", NOW)).toBeNull();
  });

  it("H6: a failed re-check of a lapsing domain does not extend its grace period", () => {
    const next = nextDomainState(clocks.lapsing, "failed", NOW);
    expect(next?.expiresAt).toEqual(clocks.lapsing.expiresAt);
  });

  it("backs off: a domain whose record stays missing is re-checked after 1 h, 1 h, 2 h, 4 h, … then daily", () => {
    const HOUR = 3_600_000;
    let clock = nextDomainState(clocks.verified, "failed", NOW)!;
    let now = NOW;
    const waits: number[] = [];
    while (waits.length < 9) {
      waits.push((clock.nextCheckAt!.getTime() - now.getTime()) / HOUR);
      now = clock.nextCheckAt!;
      clock = nextDomainState(clock, "failed", now)!;
    }
    expect(waits).toEqual([1, 1, 2, 4, 8, 16, 24, 24, 24]);
    // Passing again goes back to the daily check of a verified domain.
    expect(nextDomainState(clock, "passed", now)?.nextCheckAt).toEqual(new Date(now.getTime() + DOMAIN_TIMING.recheckMs));
  });
});
