import type { Metadata } from "next";
import { CreateTenantForm } from "@/components/admin/tenants/create-tenant-form";
import { PageHeader } from "@/components/ui/page";
import { requireSuperAdminPage } from "@/lib/admin/access";

export const metadata: Metadata = { title: "Create tenant" };

export default async function NewTenantPage() {
  await requireSuperAdminPage("/admin/tenants/new");
  return (
    <>
      <PageHeader title="Create tenant">A new organisation with its own portal. Its plan can change later.</PageHeader>
      <CreateTenantForm />
    </>
  );
}
