import Link from "next/link";
import { OpenAsAdmin } from "@/components/admin/tenant/open-as-admin";
import { StatusActions } from "@/components/admin/tenant/status-actions";
import { TenantTabs } from "@/components/admin/tenant/tenant-tabs";
import { StatusBadge } from "@/components/admin/tenants/status-badge";
import { getSuperAdmin } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";

// The tenant's header and tabs. Each tab's page checks access itself: for a
// signed-out visitor this renders only the page, which sends them to sign in
// with its own path to come back to.
export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await getSuperAdmin())) return children;
  const tenant = await loadTenantOr404(id);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-fg-muted">
        <Link href="/admin/tenants" className="underline-offset-4 hover:underline">
          Tenants
        </Link>{" "}
        / {tenant.slug}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-bold break-words sm:text-3xl">{tenant.name}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
            <span className="font-mono">{tenant.slug}</span>
            <span aria-hidden>·</span>
            <span>{tenant.plan} plan</span>
            <span data-testid="tenant-status">
              <StatusBadge status={tenant.status} />
            </span>
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <OpenAsAdmin tenantId={tenant.id} disabled={tenant.status !== "ACTIVE"} />
          <StatusActions tenantId={tenant.id} slug={tenant.slug} name={tenant.name} status={tenant.status} />
        </div>
      </div>
      {tenant.status === "SUSPENDED" && (
        <p role="note" className="rounded-md border border-red-700 p-3 text-sm" data-testid="suspended-note">
          Suspended: {tenant.suspendedReason}
        </p>
      )}
      <TenantTabs tenantId={tenant.id} />
      <div className="flex min-w-0 flex-col gap-6">{children}</div>
    </>
  );
}
