import { forbidden, notFound } from "next/navigation";
import { getRequestTenantId } from "@/lib/tenancy/current";
import { getTenantStatus } from "@/lib/tenants/status";

// The middleware refused suspended and unknown tenants from its cache, which
// may be up to a few seconds old. This re-check makes a suspension effective
// on the next request (docs/tenancy.md, "Caches and their bounds").
export default async function PortalLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const tenantId = await getRequestTenantId();
  if (!tenantId) notFound();
  const status = await getTenantStatus(tenantId);
  if (status === null) notFound();
  if (status === "SUSPENDED") forbidden();
  return children;
}
