import "server-only";
import type { TenantDomain } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";
import { announceTenantChange } from "@/lib/tenants/status";
import { applyDomainEvent, auditDomain, type CheckOutcome, checkDomainRecord } from "./checks";
import { certificateColumns, checkRouting, probeEdgeCertificate } from "./edge-checks";
import { type DomainEvent, isRouting, ROUTING_STATES } from "./states";

/**
 * The background side of the domain state machine, across tenants (so on
 * the platform role): re-check routing domains whose time has come (their
 * TXT record, where they point, and the certificate the TLS edge serves for
 * them), then end claims and grace periods that have run out. Run by the job queue
 * (lib/jobs) on a schedule, and by tests directly with the time to believe.
 * Every change is a compare-and-set on the domain as read (checks.ts), so
 * two sweeps at once, or a sweep racing a tenant's click, never apply a
 * transition twice.
 */

/** Rows per query, and at most this many queries per kind per run; the next run takes the rest. */
const BATCH = 100;
const MAX_BATCHES = 10;
/** DNS lookups in flight at once. */
const LOOKUPS_AT_ONCE = 8;

export type SweepSummary = { checked: number; changed: Record<string, number> };

export async function runDomainSweep(now = new Date(), signal?: AbortSignal): Promise<SweepSummary> {
  const summary: SweepSummary = { checked: 0, changed: {} };
  const touched = new Set<string>();
  const note = (after: TenantDomain, before: TenantDomain) => {
    summary.changed[after.state] = (summary.changed[after.state] ?? 0) + 1;
    if (isRouting(after.state) !== isRouting(before.state)) touched.add(after.tenantId);
  };

  for (let batch = 0; batch < MAX_BATCHES && !signal?.aborted; batch++) {
    const due = await withPlatform((tx) =>
      tx.tenantDomain.findMany({
        where: { state: { in: [...ROUTING_STATES] }, nextCheckAt: { lte: now } },
        orderBy: { nextCheckAt: "asc" },
        take: BATCH,
      }),
    );
    await eachAtMost(LOOKUPS_AT_ONCE, due, async (domain) => {
      if (signal?.aborted) return;
      const [check, routing, certificate] = await Promise.all([
        checkDomainRecord(domain),
        checkRouting(domain.hostname),
        probeEdgeCertificate(domain),
      ]);
      summary.checked++;
      const changed = await record(domain, check.passed ? "passed" : "failed", now, { error: check.error, routing });
      if (changed) note(changed, domain);
      if (certificate) {
        await withPlatform((tx) =>
          tx.tenantDomain.updateMany({ where: { id: domain.id }, data: certificateColumns(now, certificate) }),
        );
      }
    });
    if (due.length < BATCH) break;
  }

  for (let batch = 0; batch < MAX_BATCHES && !signal?.aborted; batch++) {
    const ended = await withPlatform((tx) =>
      tx.tenantDomain.findMany({
        where: { state: { in: ["pending", "lapsing"] }, expiresAt: { lte: now } },
        orderBy: { expiresAt: "asc" },
        take: BATCH,
      }),
    );
    for (const domain of ended) {
      const changed = await record(domain, "tick", now);
      if (changed) note(changed, domain);
    }
    if (ended.length < BATCH) break;
  }

  for (const tenantId of touched) await announceTenantChange(tenantId);
  return summary;
}

/** Applies one event; returns the domain after it when its state changed (and audits that). */
async function record(domain: TenantDomain, event: DomainEvent, now: Date, check?: CheckOutcome): Promise<TenantDomain | null> {
  return withPlatform(async (tx) => {
    const applied = await applyDomainEvent(tx, domain, event, now, check);
    if (!applied?.changed) return null;
    await auditDomain(tx, null, `domain.${applied.after.state}`, applied.after, {
      from: domain.state,
      error: check?.error ?? null,
    });
    return applied.after;
  });
}

/**
 * Another tenant proved control of a hostname this claim routes: check this
 * claim at the next sweep instead of at its usual time, so that if its own
 * record is gone its grace period starts now.
 */
export async function requestRecheck(hostname: string, now: Date): Promise<void> {
  await withPlatform((tx) =>
    tx.tenantDomain.updateMany({
      where: { hostname, state: { in: [...ROUTING_STATES] }, nextCheckAt: { gt: now } },
      data: { nextCheckAt: now },
    }),
  );
}

async function eachAtMost<T>(limit: number, items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}
