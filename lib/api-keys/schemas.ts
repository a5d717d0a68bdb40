import { z } from "zod";
import { pageQuerySchema } from "@/lib/api/pagination";
import { PERMISSIONS } from "@/lib/auth/permissions";

/**
 * A key's status; a rotated key and the keys it replaced are one key (a
 * rotation chain), listed as its newest key. "rotating": the previous secret
 * still works (the grace period), until `previousSecret.expiresAt`.
 */
export const API_KEY_STATUSES = ["active", "expired", "revoked", "rotating"] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

const futureInstant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 date or date-time" })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() > Date.now(), "must be in the future");

export const apiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    permissions: z
      .array(z.enum(PERMISSIONS))
      .min(1, "must name at least one permission")
      .transform((list) => [...new Set(list)]),
    expiresAt: futureInstant.optional(),
    /** A cap for this key below the tenant's plan rate. */
    rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();

export type ApiKeyCreateInput = z.output<typeof apiKeyCreateSchema>;

export const apiKeyRotateSchema = z
  .object({
    /** How long the old secret keeps working, so deployments can switch over; 0 ends it at once. */
    gracePeriodHours: z.number().min(0).max(168).default(24),
  })
  .strict();

export type ApiKeyRotateInput = z.output<typeof apiKeyRotateSchema>;

export const apiKeyListQuerySchema = pageQuerySchema.extend({ status: z.enum(API_KEY_STATUSES).optional() });

export type ApiKeyListQuery = z.output<typeof apiKeyListQuerySchema>;

/** The secret a rotation replaced, while it still works. */
export const previousSecretSchema = z.object({
  prefix: z.string(),
  /** When the previous secret stops working (the end of the grace period). */
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  rateLimitPerMinute: z.number().int().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  status: z.enum(API_KEY_STATUSES),
  /** Set while the status is "rotating"; null otherwise. */
  previousSecret: previousSecretSchema.nullable(),
});

/** A new key with its secret: shown in this response only, never again. */
export const apiKeyWithSecretSchema = apiKeySchema.extend({ secret: z.string() });
