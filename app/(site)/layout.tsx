import { headers } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { getRequestTenantId } from "@/lib/tenancy/current";
import { servesHost } from "@/lib/tenancy/serves-host";
import { getTenantSnapshot } from "@/lib/tenants/status";

// Every page serves the platform host and the tenant hosts alike, and tells
// them apart by the tenant the middleware resolved. For tenant hosts this
// re-checks the tenant's status and that it is still served on this host:
// the middleware's answer may be a few seconds old, and a suspension, a
// removed custom domain or a downgrade must take effect on the next request
// (docs/tenancy.md, "Suspension takes effect at once").
export default async function SiteLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const tenantId = await getRequestTenantId();
  if (tenantId) {
    const tenant = await getTenantSnapshot(tenantId);
    if (tenant === null) notFound();
    if (!servesHost(tenant, (await headers()).get("host"), getEnv().ROOT_DOMAIN)) notFound();
    if (tenant.status === "SUSPENDED") forbidden();
  }
  return children;
}
