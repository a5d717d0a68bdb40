import { z } from "zod";
import { FEATURES, LIMITS } from "@/lib/tenants/plans";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a2b3c");
const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https:// URL" }).max(2048);
/** An https URL, or an uploaded asset of the tenant's own (/brand-assets/<id>). */
const imageUrl = z.union([httpsUrl, z.string().regex(/^\/brand-assets\/[0-9a-f-]{36}$/)], {
  error: "must be an https:// URL or an uploaded image",
});
const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a hostname such as example.com");

export const brandingSchema = z
  .object({
    primaryColor: hexColor,
    accentColor: hexColor,
    logoUrl: imageUrl,
    faviconUrl: imageUrl,
    customCss: z
      .string()
      .refine((css) => new TextEncoder().encode(css).byteLength <= 20 * 1024, "must be at most 20 KB (UTF-8 bytes)"),
  })
  .partial()
  .strict();

export const featuresSchema = z
  .object(Object.fromEntries(FEATURES.map((f) => [f, z.boolean()])))
  .partial()
  .strict();

export const limitsSchema = z
  .object(Object.fromEntries(LIMITS.map((l) => [l, z.number().int().nonnegative()])))
  .partial()
  .strict();

export const securitySchema = z
  .object({
    ipAllowlist: z
      .array(z.union([z.cidrv4(), z.cidrv6(), z.ipv4(), z.ipv6()], { error: "must be an IP address or CIDR range" }))
      .max(100),
    allowedDomains: z.array(hostname).max(50),
  })
  .partial()
  .strict();

export const paymentSchema = z
  .object({
    provider: z.enum(["none", "manual", "stripe"]),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR"),
    billingEmail: z.email(),
  })
  .partial()
  .strict();

/** The whole of a tenant's configuration, as stored and as the API shows it. */
export const tenantConfigSchema = z.object({
  branding: brandingSchema,
  features: featuresSchema,
  limits: limitsSchema,
  security: securitySchema,
  payment: paymentSchema,
});

export type TenantConfigInput = z.input<typeof tenantConfigSchema>;
