import { PlatformHome } from "@/components/platform/platform-home";
import { TenantHome } from "@/components/tenant/tenant-home";
import { getRequestBrand } from "@/lib/tenancy/current";

export default async function Home() {
  const brand = await getRequestBrand();
  return brand ? <TenantHome brand={brand} /> : <PlatformHome />;
}
