import "server-only";
import { unstable_cache } from "next/cache";
import { brandingSchema } from "@/lib/config/schemas";
import { withTenant } from "@/lib/db/tenant";
import { planIncludes } from "@/lib/tenants/plans";
import { type BrandPalette, derivePalette } from "./contrast";
import { sanitizeCustomCss } from "./sanitize-css";

export type Brand = {
  tenantId: string;
  slug: string;
  name: string;
  palette: BrandPalette;
  logoUrl?: string;
  faviconUrl?: string;
  /** Sanitised and scoped to [data-tenant-portal]; empty unless the plan includes custom CSS. */
  customCss: string;
};

export const PLATFORM_COLORS = { primaryColor: "#4338ca", accentColor: "#0e7490" } as const;
const PLATFORM_PALETTE = (derivePalette(PLATFORM_COLORS) as { ok: true; palette: BrandPalette }).palette;

/** The cache tag of everything derived from a tenant's configuration; mutations revalidate it. */
export function tenantConfigTag(tenantId: string): string {
  return `tenant:${tenantId}:config`;
}

/** Uncached; use getTenantBrand in requests. */
export async function loadTenantBrand(tenantId: string): Promise<Brand | null> {
  const tenant = await withTenant(tenantId, (tx) => tx.tenant.findUnique({ where: { id: tenantId }, include: { config: true } }));
  if (!tenant) return null;
  // Stored config was validated on write; a value that no longer passes
  // (rules tightened since) falls back to the platform's, never to raw input.
  const parsed = brandingSchema.safeParse(tenant.config?.branding ?? {});
  const branding = parsed.success ? parsed.data : {};
  const derived = derivePalette({
    primaryColor: branding.primaryColor ?? PLATFORM_COLORS.primaryColor,
    accentColor: branding.accentColor ?? PLATFORM_COLORS.accentColor,
  });
  return {
    tenantId,
    slug: tenant.slug,
    name: tenant.name,
    palette: derived.ok ? derived.palette : PLATFORM_PALETTE,
    logoUrl: branding.logoUrl,
    faviconUrl: branding.faviconUrl,
    // Sanitised again on every read, not only on save: the sanitiser may have
    // been tightened since the CSS was stored.
    customCss: planIncludes(tenant.plan, "customCss") && branding.customCss ? sanitizeCustomCss(branding.customCss).css : "",
  };
}

/**
 * A tenant's brand, cached per tenant and tagged so a config change
 * revalidates it. The revalidate period bounds staleness on other instances.
 */
export function getTenantBrand(tenantId: string): Promise<Brand | null> {
  return unstable_cache(() => loadTenantBrand(tenantId), ["tenant-brand", tenantId], {
    tags: [tenantConfigTag(tenantId)],
    revalidate: 60,
  })();
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
