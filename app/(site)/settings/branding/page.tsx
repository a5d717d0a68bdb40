import type { Metadata } from "next";
import { BrandingEditor } from "@/components/settings/branding/branding-editor";
import { PageHeader } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { PLATFORM_COLORS } from "@/lib/branding/brand";
import { brandingSchema } from "@/lib/config/schemas";
import { getTenantConfig } from "@/lib/config/service";
import { requireTenantPage } from "@/lib/tenancy/page-access";
import { cheapestPlanWith, planIncludes } from "@/lib/tenants/plans";
import { getTenantSnapshot } from "@/lib/tenants/status";

export const metadata: Metadata = { title: "Branding" };

export default async function BrandingPage() {
  const { brand, user } = await requireTenantPage("/settings/branding", "read:config");
  const [config, tenant] = await Promise.all([getTenantConfig(brand.tenantId), getTenantSnapshot(brand.tenantId)]);
  const branding = brandingSchema.safeParse(config.branding).data ?? {};
  const plan = tenant?.plan ?? "free";
  return (
    <>
      <PageHeader title="Branding">
        Your colours, logo and styles on every page of this portal. Changes show in the preview before you save.
      </PageHeader>
      <BrandingEditor
        // Remounts with the stored values after a save, reset or upload refreshes the page.
        key={JSON.stringify(branding)}
        tenantName={brand.name}
        slug={brand.slug}
        saved={{
          primaryColor: branding.primaryColor ?? PLATFORM_COLORS.primaryColor,
          accentColor: branding.accentColor ?? PLATFORM_COLORS.accentColor,
          customCss: branding.customCss ?? "",
        }}
        logoUrl={branding.logoUrl ?? null}
        faviconUrl={branding.faviconUrl ?? null}
        customCss={planIncludes(plan, "customCss") ? "included" : (cheapestPlanWith("customCss") ?? "enterprise")}
        canWrite={can(user.role, "write:config")}
      />
    </>
  );
}
