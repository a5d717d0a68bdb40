import { z } from "zod";
import { LIMITS } from "@/lib/tenants/plans";
import { EVENT_METRICS, USAGE_METRICS, usageEventSchema, usageQuerySchema } from "@/lib/usage/schemas";
import { defineRoute } from "../spec";

const figures = z.partialRecord(z.enum(USAGE_METRICS), z.number());

const usageReportSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  metrics: z.array(z.enum(USAGE_METRICS)),
  days: z.array(z.object({ day: z.iso.date() }).catchall(z.number())).describe("One entry per day, zero-filled"),
  totals: figures.describe("Sums, except storageBytes (the latest day's figure) and activeUsers (the highest day)"),
});

export const usageEventJsonSchema = z.object({
  id: z.uuid(),
  eventId: z.string(),
  metric: z.enum(EVENT_METRICS),
  value: z.number().int(),
  occurredAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});

const limitsReportSchema = z.object({
  data: z.array(
    z.object({
      limit: z.enum(LIMITS),
      allowed: z.number().int(),
      used: z.number().int().nullable().describe("null for apiRatePerMinute: its window lives in the rate limiter"),
      remaining: z.number().int().nullable(),
    }),
  ),
});

export const usageRoutes = {
  usage: defineRoute({
    method: "GET",
    path: "/tenants/{id}/usage",
    summary: "Daily usage figures for a range of days (default: the last 30)",
    tag: "Usage",
    access: "tenant",
    tenantParam: "id",
    permission: "read:usage",
    query: usageQuerySchema,
    success: { status: 200, schema: usageReportSchema, description: "The figures, per day and in total" },
  }),
  recordEvent: defineRoute({
    method: "POST",
    path: "/tenants/{id}/usage/events",
    summary: "Record externally measured usage (revenue, active users, bandwidth); idempotent by eventId",
    tag: "Usage",
    access: "platform",
    body: usageEventSchema,
    success: {
      status: 201,
      schema: usageEventJsonSchema,
      description: "The event, recorded now",
      also: { status: 200, description: "The first recording: this eventId was already recorded with the same values" },
    },
    errors: ["conflict"],
  }),
  limits: defineRoute({
    method: "GET",
    path: "/tenants/{id}/limits",
    summary: "Each of the tenant's limits with its current use",
    tag: "Usage",
    access: "tenant",
    tenantParam: "id",
    permission: "read:usage",
    success: { status: 200, schema: limitsReportSchema, description: "The limits" },
  }),
};
