import { z } from "zod";
import { PLANS } from "./plans";

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
