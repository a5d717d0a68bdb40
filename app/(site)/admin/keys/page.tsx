import type { Metadata } from "next";
import { PlatformKeys } from "@/components/admin/platform-keys";
import { AdminHeader } from "@/components/admin/ui";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { listPlatformKeys } from "@/lib/platform-keys/service";

export const metadata: Metadata = { title: "Platform keys" };

export default async function PlatformKeysPage() {
  await requireSuperAdminPage("/admin/keys");
  const keys = await listPlatformKeys();
  return (
    <>
      <AdminHeader title="Platform keys">
        Keys for the REST API across all tenants (lvp_…). Each may do anything a super-admin may: hand them out sparingly.
      </AdminHeader>
      <PlatformKeys keys={keys} />
    </>
  );
}
