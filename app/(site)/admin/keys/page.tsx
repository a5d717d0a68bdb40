import type { Metadata } from "next";
import { PlatformKeys } from "@/components/admin/platform-keys";
import { PageHeader } from "@/components/ui/page";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { listPlatformKeys } from "@/lib/platform-keys/service";

export const metadata: Metadata = { title: "Platform keys" };

export default async function PlatformKeysPage() {
  await requireSuperAdminPage("/admin/keys");
  const keys = await listPlatformKeys();
  return (
    <>
      <PageHeader title="Platform keys">
        Keys for the REST API across all tenants (lvp_…). Each may do anything a super-admin may: hand them out sparingly.
      </PageHeader>
      <PlatformKeys keys={keys} />
    </>
  );
}
