import type { Metadata } from "next";
import { TenantKeys } from "@/components/admin/tenant/tenant-keys";
import { Section } from "@/components/ui/page";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";
import { listApiKeys } from "@/lib/api-keys/service";

export const metadata: Metadata = { title: "Tenant API keys" };

export default async function TenantKeysPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSuperAdminPage(`/admin/tenants/${id}/keys`);
  const tenant = await loadTenantOr404(id);
  const keys = await listApiKeys(tenant.id, { limit: 100 });
  return (
    <Section title="API keys" description={`The newest 100 keys. This tenant may hold ${tenant.limits.apiKeys} usable keys.`}>
      <TenantKeys
        tenantId={tenant.id}
        keys={keys.data.map((k) => ({
          id: k.id,
          name: k.name,
          prefix: k.prefix,
          permissions: k.permissions,
          status: k.status,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          expiresAt: k.expiresAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }))}
      />
    </Section>
  );
}
