import type { DomainState as StoredDomainState } from "@/lib/db/generated/prisma/enums";

/**
 * The custom-domain state machine, in one pure function (no database, no
 * clock of its own) so the service, the background sweep and the tests share
 * it:
 *
 *   pending ──passed──▶ verified ──failed──▶ lapsing ──grace over──▶ lapsed
 *      │                   ▲                    │
 *      └─window over─▶ expired      └──passed───┘
 *   pending ──taken (proved, but routed elsewhere)──▶ pending, window extended
 *   lapsed, expired ──claimed again──▶ pending
 *
 * Only verified and lapsing route (a partial unique index lets one claim per
 * hostname be in them). A lapsing domain keeps routing through its grace
 * period, so a DNS outage or a slip at the DNS provider does not take a
 * portal offline at once; a lapsed one stops and frees the hostname for
 * another tenant's verification.
 */

export const DOMAIN_STATES = [
  "pending",
  "verified",
  "lapsing",
  "lapsed",
  "expired",
] as const satisfies readonly StoredDomainState[];
export type DomainState = (typeof DOMAIN_STATES)[number];

/** States in which a domain routes to its tenant and holds its hostname against others. */
export const ROUTING_STATES = ["verified", "lapsing"] as const satisfies readonly DomainState[];
/** States that count toward the plan's customDomains limit. */
export const LIVE_STATES = ["pending", "verified", "lapsing"] as const satisfies readonly DomainState[];
/** States a TXT check applies to; the others are renewed by claiming the hostname again. */
export const CHECKED_STATES: readonly DomainState[] = LIVE_STATES;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DOMAIN_TIMING = {
  /** A claim not verified within this window expires (and stops counting toward the limit). */
  pendingClaimMs: 7 * DAY,
  /** How often a verified domain's TXT record is checked again. */
  recheckMs: DAY,
  /**
   * A lapsing domain's first re-check comes this soon, so a fix is noticed
   * soon; then the wait grows with how long the record has been missing
   * (1 h, 1 h, 2 h, 4 h, …), up to recheckMs.
   */
  lapsingRecheckMs: HOUR,
  /** How long a domain whose record is gone keeps routing. */
  graceMs: 7 * DAY,
} as const;

/** The fields the state machine reads and writes. */
export type DomainClock = {
  state: DomainState;
  verifiedAt: Date | null;
  /** pending: the claim expires then; lapsing: the domain stops routing then. */
  expiresAt: Date | null;
  /** verified and lapsing: the next re-check. */
  nextCheckAt: Date | null;
};

/**
 * - claim:  the tenant claims the hostname (again);
 * - passed / failed: a TXT check found / did not find the claim's token;
 * - taken:  the token was found, but another tenant's claim routes the hostname;
 * - tick:   time passed (the sweep), so a window or grace period may be over.
 */
export type DomainEvent = "claim" | "passed" | "failed" | "taken" | "tick";

type Rule = (domain: DomainClock, now: Date) => DomainClock | null;

const at = (now: Date, ms: number) => new Date(now.getTime() + ms);
const isPast = (deadline: Date | null, now: Date) => deadline !== null && deadline.getTime() <= now.getTime();

const pending: Rule = (_, now) => ({
  state: "pending",
  verifiedAt: null,
  expiresAt: at(now, DOMAIN_TIMING.pendingClaimMs),
  nextCheckAt: null,
});
// A lapsing domain that passes again keeps the time it was first verified:
// host resolution ranks a tenant's domains by it (over-limit after a downgrade).
const verified: Rule = (domain, now) => ({
  state: "verified",
  verifiedAt: domain.verifiedAt ?? now,
  expiresAt: null,
  nextCheckAt: at(now, DOMAIN_TIMING.recheckMs),
});
const lapsing: Rule = (domain, now) => {
  // The grace period runs from the first failure; later failures do not extend it.
  const expiresAt = domain.state === "lapsing" && domain.expiresAt ? domain.expiresAt : at(now, DOMAIN_TIMING.graceMs);
  // Back-off: wait as long as the record has been missing, within [lapsingRecheckMs, recheckMs].
  const missingFor = now.getTime() - (expiresAt.getTime() - DOMAIN_TIMING.graceMs);
  const wait = Math.min(DOMAIN_TIMING.recheckMs, Math.max(DOMAIN_TIMING.lapsingRecheckMs, missingFor));
  return { state: "lapsing", verifiedAt: domain.verifiedAt, expiresAt, nextCheckAt: at(now, wait) };
};
// The TXT record proves control, but another tenant's claim routes the
// hostname: keep this claim open long enough for that one to lapse.
const contested: Rule = (domain, now) => {
  const until = at(now, DOMAIN_TIMING.graceMs + DOMAIN_TIMING.recheckMs);
  return domain.expiresAt && domain.expiresAt >= until ? null : { ...domain, expiresAt: until };
};
const endWhenPast =
  (state: "expired" | "lapsed"): Rule =>
  (domain, now) =>
    isPast(domain.expiresAt, now) ? { state, verifiedAt: domain.verifiedAt, expiresAt: null, nextCheckAt: null } : null;

/** Every transition; a missing entry means the event changes nothing in that state. */
const TRANSITIONS: Record<DomainState, Partial<Record<DomainEvent, Rule>>> = {
  pending: { passed: verified, taken: contested, tick: endWhenPast("expired") },
  verified: { passed: verified, failed: lapsing },
  lapsing: { passed: verified, failed: lapsing, tick: endWhenPast("lapsed") },
  lapsed: { claim: pending },
  expired: { claim: pending },
};

/** A new claim's clock. */
export function newClaim(now: Date): DomainClock {
  return pending({ state: "expired", verifiedAt: null, expiresAt: null, nextCheckAt: null }, now)!;
}

/** What follows `event` at `now`, or null when nothing changes. */
export function nextDomainState(domain: DomainClock, event: DomainEvent, now: Date): DomainClock | null {
  return TRANSITIONS[domain.state][event]?.(domain, now) ?? null;
}

export function isRouting(state: DomainState): boolean {
  return (ROUTING_STATES as readonly DomainState[]).includes(state);
}

export function isLive(state: DomainState): boolean {
  return (LIVE_STATES as readonly DomainState[]).includes(state);
}
