import type { TenantDomain } from "@/lib/db/generated/prisma/client";
import { isRouting } from "./states";

/**
 * What the TLS edge is told about each of a tenant's domains: the same rule
 * as the ask endpoint (lib/tls/ask.ts through findTenantByVerifiedHostname),
 * worked out for the whole list at once so the domains screen can say it
 * without asking. A domain is allowed when it routes (verified or lapsing),
 * its tenant is active, and it is among the first `limit` routing domains
 * by verification time (a downgrade keeps the oldest). The refusal says why.
 */
export type EdgeRefusal = "not_verified" | "suspended" | "plan" | "over_limit";
export type EdgeVerdict = { allowed: true } | { allowed: false; reason: EdgeRefusal };

type Domain = Pick<TenantDomain, "id" | "state" | "verifiedAt">;

export function edgeVerdicts(domains: Domain[], tenant: { status: string; customDomainLimit: number }): Map<string, EdgeVerdict> {
  const routing = domains
    .filter((d) => isRouting(d.state) && d.verifiedAt)
    .sort((a, b) => a.verifiedAt!.getTime() - b.verifiedAt!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank = new Map(routing.map((d, index) => [d.id, index]));
  const verdicts = new Map<string, EdgeVerdict>();
  for (const domain of domains) {
    const place = rank.get(domain.id);
    verdicts.set(
      domain.id,
      place === undefined
        ? { allowed: false, reason: "not_verified" }
        : tenant.status !== "ACTIVE"
          ? { allowed: false, reason: "suspended" }
          : tenant.customDomainLimit <= 0
            ? { allowed: false, reason: "plan" }
            : place >= tenant.customDomainLimit
              ? { allowed: false, reason: "over_limit" }
              : { allowed: true },
    );
  }
  return verdicts;
}
