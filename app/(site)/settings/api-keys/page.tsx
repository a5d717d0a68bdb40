import type { Metadata } from "next";
import { ApiKeysClient, type KeyRow } from "@/components/settings/api-keys/api-keys-client";
import { PageHeader } from "@/components/ui/page";
import { listApiKeys } from "@/lib/api-keys/service";
import { can, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { requireTenantPage } from "@/lib/tenancy/page-access";

export const metadata: Metadata = { title: "API keys" };

const iso = (date: Date | null) => date?.toISOString() ?? null;

export default async function ApiKeysPage() {
  const { brand, user } = await requireTenantPage("/settings/api-keys", "read:keys");
  // A tenant has at most its plan's key limit of live keys (100 on enterprise); old ones page in newest first.
  const page = await listApiKeys(brand.tenantId, { limit: 100 });
  const keys: KeyRow[] = page.data.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    permissions: k.permissions,
    status: k.status,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: iso(k.lastUsedAt),
    expiresAt: iso(k.expiresAt),
    revokedAt: iso(k.revokedAt),
  }));
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
