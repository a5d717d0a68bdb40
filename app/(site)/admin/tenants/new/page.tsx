import type { Metadata } from "next";
import { CreateTenantForm } from "@/components/admin/tenants/create-tenant-form";
import { AdminHeader } from "@/components/admin/ui";
import { requireSuperAdminPage } from "@/lib/admin/access";

export const metadata: Metadata = { title: "Create tenant" };

export default async function NewTenantPage() {
  await requireSuperAdminPage("/admin/tenants/new");
  return (
    <>
      <AdminHeader title="Create tenant">A new organisation with its own portal. Its plan can change later.</AdminHeader>
      <CreateTenantForm />
    </>
  );
}
