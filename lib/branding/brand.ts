import "server-only";
import { unstable_cache } from "next/cache";
import { brandingSchema, featuresSchema } from "@/lib/config/schemas";
import { withTenant } from "@/lib/db/tenant";
import { effectiveFeatures } from "@/lib/tenants/plans";
import { getTenantSnapshot } from "@/lib/tenants/status";
import { type BrandPalette, derivePalette } from "./contrast";
import { sanitizeCustomCss } from "./sanitize-css";

export type Brand = {
  tenantId: string;
  slug: string;
  name: string;
  palette: BrandPalette;
  logoUrl?: string;
  faviconUrl?: string;
  /** Sanitised and scoped to [data-tenant-portal]; empty unless the plan includes custom CSS and the tenant has it on. */
  customCss: string;
};

export const PLATFORM_COLORS = { primaryColor: "#4338ca", accentColor: "#0e7490" } as const;
const PLATFORM_PALETTE = (derivePalette(PLATFORM_COLORS) as { ok: true; palette: BrandPalette }).palette;

/** The cache tag of everything derived from a tenant's configuration; mutations revalidate it. */
export function tenantConfigTag(tenantId: string): string {
  return `tenant:${tenantId}:config`;
}

/**
 * The brand as stored, with the custom CSS sanitised but not yet gated: the
 * gate (plan and feature switch) is applied on the way out, from data that a
 * plan change or a switch invalidates at once (see getTenantBrand).
 */
async function loadStoredBrand(tenantId: string): Promise<{ brand: Brand; customCssOn: boolean } | null> {
  const tenant = await withTenant(tenantId, (tx) => tx.tenant.findUnique({ where: { id: tenantId }, include: { config: true } }));
  if (!tenant) return null;
  // Stored config was validated on write; a value that no longer passes
  // (rules tightened since) falls back to the platform's, never to raw input.
  const parsed = brandingSchema.safeParse(tenant.config?.branding ?? {});
  const branding = parsed.success ? parsed.data : {};
  const features = featuresSchema.safeParse(tenant.config?.features ?? {}).data ?? {};
  const derived = derivePalette({
    primaryColor: branding.primaryColor ?? PLATFORM_COLORS.primaryColor,
    accentColor: branding.accentColor ?? PLATFORM_COLORS.accentColor,
  });
  const brand: Brand = {
    tenantId,
    slug: tenant.slug,
    name: tenant.name,
    palette: derived.ok ? derived.palette : PLATFORM_PALETTE,
    logoUrl: branding.logoUrl,
    faviconUrl: branding.faviconUrl,
    // Sanitised again on every read, not only on save: the sanitiser may have
    // been tightened since the CSS was stored.
    customCss: branding.customCss ? sanitizeCustomCss(branding.customCss).css : "",
  };
  return { brand, customCssOn: effectiveFeatures(tenant.plan, features).customCss };
}

function gateCustomCss(brand: Brand, customCssOn: boolean): Brand {
  return customCssOn ? brand : { ...brand, customCss: "" };
}

/** Uncached; use getTenantBrand in requests. */
export async function loadTenantBrand(tenantId: string): Promise<Brand | null> {
  const loaded = await loadStoredBrand(tenantId);
  return loaded && gateCustomCss(loaded.brand, loaded.customCssOn);
}

/**
 * A tenant's brand, cached per tenant and tagged so a config change
 * revalidates it; the revalidate period bounds staleness on other instances.
 * Whether its custom CSS is served is decided per request from the tenant
 * snapshot (plan and feature switches), which every plan change and config
 * change clears at once on every instance (announceTenantChange): a
 * downgrade or a switched-off feature must not wait for the brand cache.
 */
export async function getTenantBrand(tenantId: string): Promise<Brand | null> {
  const cached = unstable_cache(async () => (await loadStoredBrand(tenantId))?.brand ?? null, ["tenant-brand", tenantId], {
    tags: [tenantConfigTag(tenantId)],
    revalidate: 60,
  });
  const [brand, tenant] = await Promise.all([cached(), getTenantSnapshot(tenantId)]);
  return brand && tenant ? gateCustomCss(brand, tenant.features.customCss) : null;
}

/**
 * The brand as CSS custom properties for `:root`. Every value is a
 * `#rrggbb` produced by derivePalette, so the text is safe inside <style>.
 */
export function brandCssVariables(palette: BrandPalette): string {
  return (
    `:root{--brand-primary:${palette.primary};--brand-primary-foreground:${palette.primaryForeground};` +
    `--brand-accent:${palette.accent};--brand-accent-foreground:${palette.accentForeground}}`
  );
}
