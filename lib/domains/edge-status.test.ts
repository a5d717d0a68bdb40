import { describe, expect, it } from "vitest";
import type { DomainState } from "./states";
import { edgeVerdicts } from "./edge-status";

const day = (n: number) => new Date(Date.UTC(2026, 10, n));
const domain = (id: string, state: DomainState, verifiedAt: Date | null) => ({ id, state, verifiedAt });

describe("what the TLS edge is told about a tenant's domains", () => {
  const domains = [
    domain("d", "verified", day(4)),
    domain("a", "verified", day(1)),
    domain("p", "pending", null),
    domain("l", "lapsing", day(2)),
    domain("x", "lapsed", day(1)),
  ];

  it("allows routing domains of an active tenant within its limit, oldest verification first", () => {
    const verdicts = edgeVerdicts(domains, { status: "ACTIVE", customDomainLimit: 2 });
    expect(Object.fromEntries(verdicts)).toEqual({
      a: { allowed: true },
      l: { allowed: true },
      d: { allowed: false, reason: "over_limit" },
      p: { allowed: false, reason: "not_verified" },
      x: { allowed: false, reason: "not_verified" },
    });
  });

  it("refuses every domain of a suspended tenant, and every domain of a plan without them", () => {
    const suspended = edgeVerdicts(domains, { status: "SUSPENDED", customDomainLimit: 5 });
    expect(suspended.get("a")).toEqual({ allowed: false, reason: "suspended" });
    const free = edgeVerdicts(domains, { status: "ACTIVE", customDomainLimit: 0 });
    expect(free.get("a")).toEqual({ allowed: false, reason: "plan" });
    expect(free.get("p")).toEqual({ allowed: false, reason: "not_verified" });
  });

  it("breaks a tie in verification time by id, as the ask endpoint does", () => {
    const tied = [domain("b", "verified", day(1)), domain("a", "verified", day(1))];
    expect(edgeVerdicts(tied, { status: "ACTIVE", customDomainLimit: 1 }).get("a")).toEqual({ allowed: true });
  });
});
