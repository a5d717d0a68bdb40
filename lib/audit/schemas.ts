import { z } from "zod";
import { pageQuerySchema } from "@/lib/api/pagination";
import { isStorableDate } from "@/lib/http/text";
import { ActorType } from "@/lib/db/generated/prisma/enums";

// The audit log.

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => new Date(value))
  .refine(isStorableDate, "must be a date between the years 1 and 9999");

export const auditLogQuerySchema = pageQuerySchema
  .extend({
    /** An exact action, or a prefix ending in "." such as `api_key.`. */
    action: z.string().trim().min(1).max(100).optional(),
    actorType: z.enum(ActorType).optional(),
    /** Inclusive. */
    from: instant.optional(),
    /** Exclusive. */
    to: instant.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "must be after from" });

export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  actorType: z.enum(ActorType),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
});
