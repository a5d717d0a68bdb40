import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import { Prisma, type TenantUsageMetric, type UsageEvent } from "@/lib/db/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant";
import { conflict } from "@/lib/http/errors";
import { flushUsage, utcDay } from "./meter";
import { carriedStorage } from "./storage";
import { addDays, type EventMetric, type UsageEventInput, type UsageMetric, type UsageQuery } from "./schemas";

export type UsageDay = { day: string } & Partial<Record<UsageMetric, number>>;
export type UsageReport = UsageQuery & { days: UsageDay[]; totals: Partial<Record<UsageMetric, number>> };

/**
 * Daily figures for an inclusive range of UTC days, one entry per day (days
 * without a row read as zero). Pending in-memory API counts are written first
 * so the figures include calls made moments ago.
 */
export async function getUsage(tenantId: string, query: UsageQuery): Promise<UsageReport> {
  await flushUsage();
  const [rows, before] = await withTenant(tenantId, (tx) =>
    Promise.all([
      tx.tenantUsageMetric.findMany({
        where: { tenantId, day: { gte: new Date(query.from), lte: new Date(query.to) } },
        orderBy: { day: "asc" },
      }),
      tx.tenantUsageMetric.findFirst({ where: { tenantId, day: { lt: new Date(query.from) } }, orderBy: { day: "desc" } }),
    ]),
  );
  const byDay = new Map(rows.map((row) => [utcDay(row.day), row]));
  const days: UsageDay[] = [];
  // Storage is a level: a day without a row still stores what the last row said.
  let storage = Number(before?.storageBytes ?? 0);
  for (let day = query.from; day <= query.to; day = addDays(day, 1)) {
    const row = byDay.get(day);
    if (row) storage = Number(row.storageBytes);
    const value = (m: UsageMetric) => (m === "storageBytes" ? storage : row ? Number(row[m]) : 0);
    days.push({ day, ...Object.fromEntries(query.metrics.map((m) => [m, value(m)])) });
  }
  // Storage is a level: the range ends holding the last day's (possibly carried) figure.
  const totals = Object.fromEntries(query.metrics.map((m) => [m, m === "storageBytes" ? storage : total(m, rows)]));
  return { ...query, days, totals };
}

function total(metric: UsageMetric, rows: TenantUsageMetric[]): number {
  const values = rows.map((row) => BigInt(row[metric]));
  // The same person active on two days is one active user, so the busiest day is the best lower bound.
  if (metric === "activeUsers") return Number(values.reduce((max, v) => (v > max ? v : max), 0n));
  return Number(values.reduce((sum, v) => sum + v, 0n));
}

// How an event folds into its day: flows add up, activeUsers keeps the day's highest count.
const FOLD = {
  revenueCents: Prisma.sql`"revenueCents" = "TenantUsageMetric"."revenueCents" + EXCLUDED."revenueCents"`,
  bandwidthBytes: Prisma.sql`"bandwidthBytes" = "TenantUsageMetric"."bandwidthBytes" + EXCLUDED."bandwidthBytes"`,
  activeUsers: Prisma.sql`"activeUsers" = GREATEST("TenantUsageMetric"."activeUsers", EXCLUDED."activeUsers")`,
} satisfies Record<EventMetric, Prisma.Sql>;

export type UsageEventJson = ReturnType<typeof toEventJson>;

export function toEventJson(event: UsageEvent) {
  return {
    id: event.id,
    eventId: event.eventId,
    metric: event.metric as EventMetric,
    value: Number(event.value),
    occurredAt: event.occurredAt.toISOString(),
    createdAt: event.createdAt.toISOString(),
  };
}

/**
 * Records an externally measured figure once per (tenant, eventId): a retry
 * of the same event returns the first recording and counts nothing again; the
 * same id with different figures is a conflict. The event, its day's figure
 * and the audit entry commit together.
 */
export async function recordUsageEvent(
  tenantId: string,
  input: UsageEventInput,
  actor: AuditActor,
): Promise<{ event: UsageEventJson; created: boolean }> {
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
  const value = BigInt(input.value);
  return withTenant(tenantId, async (tx) => {
    // ON CONFLICT DO NOTHING: a concurrent duplicate waits for the first to commit, then inserts nothing.
    const [inserted] = await tx.usageEvent.createManyAndReturn({
      data: [{ tenantId, eventId: input.eventId, metric: input.metric, value, occurredAt }],
      skipDuplicates: true,
    });
    if (!inserted) {
      const existing = await tx.usageEvent.findUniqueOrThrow({
        where: { tenantId_eventId: { tenantId, eventId: input.eventId } },
      });
      const differs =
        existing.metric !== input.metric ||
        existing.value !== value ||
        (input.occurredAt !== undefined && existing.occurredAt.getTime() !== occurredAt.getTime());
      if (differs) {
        throw conflict(`Event ${input.eventId} was already recorded with different figures.`, {
          recorded: toEventJson(existing),
        });
      }
      return { event: toEventJson(existing), created: false };
    }
    await tx.$executeRaw`
      INSERT INTO "TenantUsageMetric" ("id", "tenantId", "day", ${Prisma.raw(`"${input.metric}"`)}, "storageBytes", "updatedAt")
      VALUES (gen_random_uuid(), ${tenantId}::uuid, ${utcDay(occurredAt)}::date, ${value},
        ${carriedStorage(tenantId, utcDay(occurredAt))}, now())
      ON CONFLICT ("tenantId", "day") DO UPDATE SET ${FOLD[input.metric]}, "updatedAt" = now()`;
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "usage.event_recorded",
      targetType: "usage_event",
      targetId: inserted.id,
      metadata: { eventId: input.eventId, metric: input.metric, value: input.value, occurredAt: occurredAt.toISOString() },
    });
    return { event: toEventJson(inserted), created: true };
  });
}
