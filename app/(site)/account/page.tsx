import type { Metadata } from "next";
import { AccountPage } from "@/components/auth/account-page";
import { getRequestBrand } from "@/lib/tenancy/current";

export const metadata: Metadata = { title: "Your account" };

export default async function Account() {
  const brand = await getRequestBrand();
  return (
    <div data-tenant-portal={brand ? "" : undefined}>
      <AccountPage where={brand?.name ?? "Livery platform"} />
    </div>
  );
}
