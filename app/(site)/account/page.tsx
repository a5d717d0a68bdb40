import type { Metadata } from "next";
import { AccountPage } from "@/components/auth/account-page";
import { PortalNav } from "@/components/tenant/portal-nav";
import { getRequestBrand } from "@/lib/tenancy/current";

export const metadata: Metadata = { title: "Your account" };

export default async function Account() {
  const brand = await getRequestBrand();
  return (
    <div data-tenant-portal={brand ? "" : undefined}>
      {brand && <PortalNav tenantName={brand.name} current="account" />}
      <AccountPage where={brand?.name ?? "Livery platform"} />
    </div>
  );
}
