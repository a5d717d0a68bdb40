import type { Metadata } from "next";
import { TenantKeys } from "@/components/admin/tenant/tenant-keys";
import { keyCardDataOf } from "@/components/keys/key-card-data";
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
    <Section
      title="API keys"
      description={`The newest 100 keys. This tenant may hold ${tenant.limits.apiKeys} usable keys; a rotated key and its previous secret count as one.`}
    >
      <TenantKeys tenantId={tenant.id} keys={keys.data.map(keyCardDataOf)} />
    </Section>
  );
}
