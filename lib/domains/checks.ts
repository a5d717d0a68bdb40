import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import { Prisma, type TenantDomain } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { lookupTxt } from "./dns";
import { checkColumns } from "./edge-checks";
import type { RoutingCheck } from "./records";
import { DOMAIN_TIMING, type DomainClock, type DomainEvent, nextDomainState } from "./states";
import { verificationName } from "./view";

export type CheckResult = { passed: boolean; error: string | null };

/**
 * Looks up `_livery.<hostname>` and passes when a TXT value equals this
 * claim's own token. Tokens are random per claim, so a record put up for one
 * tenant never verifies another's claim of the same hostname.
 */
export async function checkDomainRecord(domain: Pick<TenantDomain, "hostname" | "verificationToken">): Promise<CheckResult> {
  const name = verificationName(domain.hostname);
  const lookup = await lookupTxt(name);
  if (lookup.ok && lookup.values.includes(domain.verificationToken)) return { passed: true, error: null };
  const error = lookup.ok
    ? `${name} has TXT ${lookup.values.map((v) => JSON.stringify(v)).join(", ")}, not the expected value.`
    : lookup.reason;
  return { passed: false, error: error.slice(0, 500) };
}

export function takenMessage(hostname: string): string {
  const days = DOMAIN_TIMING.graceMs / 86_400_000;
  return (
    `The TXT record is right, but ${hostname} is verified for another portal. It can be verified here once that ` +
    `claim lapses, ${days} days after its own TXT record is gone.`
  );
}

export function clockOf(domain: TenantDomain): DomainClock {
  return { state: domain.state, verifiedAt: domain.verifiedAt, expiresAt: domain.expiresAt, nextCheckAt: domain.nextCheckAt };
}

/** A unique violation: here, the partial index that lets one claim per hostname route. */
export function isHostnameTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** What a check found: the TXT record's problem (null when it passed) and, when DNS answered, where the domain points. */
export type CheckOutcome = { error: string | null; routing?: RoutingCheck | null };

export type Applied = { before: TenantDomain; after: TenantDomain; changed: boolean };

/**
 * Applies `event` to a domain as it was read, in the caller's transaction.
 * The update matches the clock that was read (compare-and-set), so of two
 * sweeps or a sweep and a click that act on the same reading, one applies and
 * the other changes nothing: jobs may run twice without doing anything twice.
 * A check also records its time, error and routing. Returns null when the domain moved
 * on (or went) in the meantime.
 */
export async function applyDomainEvent(
  tx: Tx,
  domain: TenantDomain,
  event: DomainEvent,
  now: Date,
  check?: CheckOutcome,
): Promise<Applied | null> {
  const next = nextDomainState(clockOf(domain), event, now);
  if (!next && !check) return null;
  const { count } = await tx.tenantDomain.updateMany({
    where: { id: domain.id, ...clockOf(domain) },
    data: { ...next, ...(check ? checkColumns(now, check) : {}) },
  });
  if (count === 0) return null;
  const after = await tx.tenantDomain.findUniqueOrThrow({ where: { id: domain.id } });
  return { before: domain, after, changed: next !== null && next.state !== domain.state };
}

export function auditDomain(
  tx: Tx,
  actor: AuditActor,
  action: string,
  domain: TenantDomain,
  metadata: Prisma.InputJsonObject = {},
) {
  return recordAudit(tx, {
    tenantId: domain.tenantId,
    actor,
    action,
    targetType: "domain",
    targetId: domain.id,
    metadata: { hostname: domain.hostname, ...metadata },
  });
}
