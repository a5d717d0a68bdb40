import { getRequestTenantId } from "@/lib/tenancy/current";
import { getTenantStatus } from "@/lib/tenants/status";

export default async function Forbidden() {
  const tenantId = await getRequestTenantId();
  const suspended = tenantId ? (await getTenantStatus(tenantId)) === "SUSPENDED" : false;
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-24 text-center">
      <p className="text-sm font-semibold text-accent">403</p>
      <h1 className="text-3xl font-bold">{suspended ? "This portal is suspended" : "You do not have access to this page"}</h1>
      <p className="text-fg-muted">
        {suspended
          ? "This organisation's portal is temporarily unavailable. If you run this portal, contact the platform's support to restore it."
          : "Ask an administrator of this portal for access."}
      </p>
    </main>
  );
}
