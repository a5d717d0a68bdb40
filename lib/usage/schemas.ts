import { z } from "zod";
import { isStorableDate } from "@/lib/http/text";

/** The daily figures kept per tenant (TenantUsageMetric's columns). */
export const USAGE_METRICS = ["apiCalls", "bandwidthBytes", "storageBytes", "activeUsers", "revenueCents"] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

/** The figures measured outside Livery and reported to it as events. */
export const EVENT_METRICS = ["revenueCents", "activeUsers", "bandwidthBytes"] as const satisfies readonly UsageMetric[];
export type EventMetric = (typeof EVENT_METRICS)[number];

export const MAX_USAGE_DAYS = 366;
export const DEFAULT_USAGE_DAYS = 30;
const DAY_MS = 86_400_000;
// activeUsers is a 32-bit column; the others are 64-bit.
const INT32_MAX = 2_147_483_647;

const isoDay = z.iso
  .date("must be a date such as 2026-01-31")
  .refine((day) => isStorableDate(new Date(day)), "must be a date between the years 1 and 9999");

export const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

const metricList = z
  .string()
  .optional()
  .transform((value) => (value === undefined ? [...USAGE_METRICS] : value.split(",").map((m) => m.trim())))
  .pipe(z.array(z.enum(USAGE_METRICS)).min(1, "name at least one metric"))
  // Canonical order, each once, whatever order the client listed them in.
  .transform((list) => USAGE_METRICS.filter((m) => list.includes(m)));

/**
 * `from`/`to` are inclusive UTC days. `to` defaults to today and `from` to
 * the 30 days ending at `to`; a range may span at most 366 days.
 */
export const usageQuerySchema = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    metrics: metricList.describe("Comma-separated: apiCalls, bandwidthBytes, storageBytes, activeUsers, revenueCents"),
  })
  .transform((query, ctx) => {
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from = query.from ?? addDays(to, 1 - DEFAULT_USAGE_DAYS);
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after `to`" });
    else if (days > MAX_USAGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_USAGE_DAYS} days after \`from\`` });
    }
    return { from, to, metrics: query.metrics };
  });

export const usageEventSchema = z
  .object({
    eventId: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
    metric: z.enum(EVENT_METRICS),
    value: z.int("must be a whole number").nonnegative("must not be negative"),
    occurredAt: z.iso.datetime({ offset: true, error: "must be an ISO date-time such as 2026-01-31T12:00:00Z" }).optional(),
  })
  .refine((event) => event.metric !== "activeUsers" || event.value <= INT32_MAX, {
    path: ["value"],
    message: `must be at most ${INT32_MAX} for activeUsers`,
  });

export type UsageQuery = z.output<typeof usageQuerySchema>;
export type UsageEventInput = z.output<typeof usageEventSchema>;
