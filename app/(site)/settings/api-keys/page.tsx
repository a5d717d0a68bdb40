import type { Metadata } from "next";
import { ApiKeysClient, type KeyRow } from "@/components/settings/api-keys/api-keys-client";
import { keyCardDataOf } from "@/components/keys/key-card-data";
import { PageHeader } from "@/components/ui/page";
import { listApiKeys } from "@/lib/api-keys/service";
import { can, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { requireTenantPage } from "@/lib/tenancy/page-access";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { brand, user } = await requireTenantPage("/settings/api-keys", "read:keys");
  // One entry per rotation chain; a tenant has at most its plan's key limit of live ones (100 on enterprise).
  const page = await listApiKeys(brand.tenantId, { limit: 100 });
  const keys: KeyRow[] = page.data.map(keyCardDataOf);
  return (
    <>
      <PageHeader title="API keys">
        Keys let your systems call the Livery REST API as this tenant. A key can do only what its permissions allow, and only from
        your IP allowlist if you set one.
      </PageHeader>
      <ApiKeysClient
        keys={keys}
        canWrite={can(user.role, "write:keys")}
        grantable={[...ROLE_PERMISSIONS[user.role]]}
        truncated={page.nextCursor !== null}
      />
    </>
  );
}
