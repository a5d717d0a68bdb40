import { forbidden, notFound } from "next/navigation";
import { getRequestTenantId } from "@/lib/tenancy/current";
import { getTenantStatus } from "@/lib/tenants/status";

// Every page serves the platform host and the tenant hosts alike, and tells
// them apart by the tenant the middleware resolved. For tenant hosts this
// re-checks the tenant's status: the middleware's answer may be a few seconds
// old, and a suspension must take effect on the next request
// (docs/tenancy.md, "Suspension takes effect at once").
export default async function SiteLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const tenantId = await getRequestTenantId();
  if (tenantId) {
    const status = await getTenantStatus(tenantId);
    if (status === null) notFound();
    if (status === "SUSPENDED") forbidden();
  }
  return children;
}
