import type { Metadata } from "next";
import { BrandingEditor } from "@/components/admin/tenant/branding-editor";
import { TenantConfig } from "@/components/admin/tenant/tenant-config";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";
import { PLATFORM_COLORS } from "@/lib/branding/brand";
import { getTenantConfig } from "@/lib/config/service";

export const metadata: Metadata = { title: "Tenant configuration" };

export default async function TenantConfigPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSuperAdminPage(`/admin/tenants/${id}/config`);
  const tenant = await loadTenantOr404(id);
  const config = await getTenantConfig(tenant.id);
  const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  return (
    <>
      <TenantConfig
        tenantId={tenant.id}
        plan={tenant.plan}
        features={config.effective.features}
        overrides={tenant.limitOverrides}
      />
      <BrandingEditor
        tenantId={tenant.id}
        name={tenant.name}
        slug={tenant.slug}
        primaryColor={text(config.branding.primaryColor, PLATFORM_COLORS.primaryColor)}
        accentColor={text(config.branding.accentColor, PLATFORM_COLORS.accentColor)}
        logoUrl={text(config.branding.logoUrl, "")}
      />
    </>
  );
}
