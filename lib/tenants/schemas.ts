import { z } from "zod";
import { limitsSchema } from "@/lib/config/schemas";
import { inviteSchema } from "@/lib/members/schemas";
import { LIMITS, PLANS } from "./plans";

/**
 * Slugs that name parts of the platform or common infrastructure hosts. A
 * tenant may never take one: `api.<root>` must stay the API, not a portal.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "blog",
  "cdn",
  "dashboard",
  "dev",
  "docs",
  "email",
  "ftp",
  "help",
  "imap",
  "internal",
  "livery",
  "localhost",
  "login",
  "mail",
  "media",
  "ns1",
  "ns2",
  "platform",
  "pop",
  "portal",
  "root",
  "signin",
  "signup",
  "smtp",
  "staging",
  "static",
  "status",
  "support",
  "system",
  "test",
  "www",
]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "must be at least 3 characters")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "may contain only a–z, 0–9 and inner hyphens")
  .refine((slug) => slug.slice(2, 4) !== "--", "must not have hyphens in 3rd and 4th place (reserved for punycode)")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "is reserved");

export const planSchema = z.enum(PLANS);

export const tenantSchema = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  slug: slugSchema,
  plan: planSchema,
});

export const tenantStatusSchema = z.enum(["ACTIVE", "SUSPENDED"]);

/** POST /tenants: the tenant, and optionally the email of its first owner, who gets a one-time invitation link. */
export const createTenantSchema = tenantSchema.extend({
  ownerEmail: inviteSchema.shape.email.optional(),
});

/**
 * A limit override per limit, as limitsSchema validates it; `null` removes the
 * override, so the plan's value applies again.
 */
export const limitOverridesPatchSchema = z
  .object(Object.fromEntries(Object.entries(limitsSchema.shape).map(([name, rule]) => [name, rule.unwrap().nullable()])))
  .partial()
  .strict();

/** PATCH /tenants/{id}: any of name, plan and limit overrides (merged into the stored ones). */
export const updateTenantSchema = tenantSchema
  .pick({ name: true, plan: true })
  .partial()
  .extend({ limits: limitOverridesPatchSchema.optional() })
  .strict();

export const suspendTenantSchema = z.object({
  reason: z.string().trim().min(1, "is required").max(500, "must be at most 500 characters"),
});

export const TENANT_SORTS = ["createdAt", "-createdAt", "slug", "-slug", "name", "-name"] as const;
export type TenantSort = (typeof TENANT_SORTS)[number];

const blankAsUnset = (value: string | undefined) => (value === "" ? undefined : value);

/** GET /tenants. Enum filters accept any letter case; an empty parameter counts as absent. */
export const listTenantsQuerySchema = z.object({
  q: z
    .string()
    .describe("Part of a slug, name or custom domain hostname, in any case")
    .trim()
    .max(253, "must be at most 253 characters")
    .optional()
    .transform(blankAsUnset),
  plan: z
    .string()
    .toLowerCase()
    .pipe(planSchema)
    .optional()
    .describe(`One of ${PLANS.join(", ")}, in any case`),
  status: z.string().toUpperCase().pipe(tenantStatusSchema).optional().describe("ACTIVE or SUSPENDED, in any case"),
  sort: z.enum(TENANT_SORTS, { error: `must be one of ${TENANT_SORTS.join(", ")}` }).default("-createdAt"),
  cursor: z.string().max(500, "is not a cursor from this list").optional().transform(blankAsUnset),
  limit: z.coerce.number().int("must be a whole number").min(1).max(100).default(20),
});
export type ListTenantsQuery = z.output<typeof listTenantsQuerySchema>;

/** A tenant as the REST API shows it; the routes' success schema and the OpenAPI description. */
export const tenantViewSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  plan: planSchema,
  status: tenantStatusSchema,
  suspendedReason: z.string().nullable(),
  suspendedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Verified custom domains only: the hostnames that serve this tenant's portal. */
  domains: z.array(z.string()),
  /** The plan's limits with the overrides applied: what is enforced. */
  limits: z.object(Object.fromEntries(LIMITS.map((limit) => [limit, z.number().int()]))),
  limitOverrides: limitsSchema,
});
export type TenantView = z.output<typeof tenantViewSchema>;

export const createdTenantSchema = tenantViewSchema.extend({
  /** The first owner's one-time link (also emailed when SMTP_URL is set); null without `ownerEmail`. */
  invitation: z.object({ url: z.url(), expiresAt: z.iso.datetime() }).nullable(),
});

export const tenantListSchema = z.object({
  data: z.array(tenantViewSchema),
  nextCursor: z.string().nullable(),
});
