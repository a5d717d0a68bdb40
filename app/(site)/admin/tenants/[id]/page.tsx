import type { Metadata } from "next";
import { LimitUsageList } from "@/components/admin/tenant/limit-usage";
import { StatusBadge } from "@/components/admin/tenants/status-badge";
import { Facts } from "@/components/admin/ui";
import { Section } from "@/components/ui/page";
import { LocalTime } from "@/components/ui/local-time";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";
import { listTenantMembers } from "@/lib/admin/tenant-members";
import { getTenantSnapshot } from "@/lib/tenants/status";
import { getLimitUsage } from "@/lib/usage/limits";

export const metadata: Metadata = { title: "Tenant" };

export default async function TenantOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSuperAdminPage(`/admin/tenants/${id}`);
  const tenant = await loadTenantOr404(id);
  const snapshot = await getTenantSnapshot(tenant.id);
  const [usage, people] = await Promise.all([snapshot ? getLimitUsage(snapshot) : [], listTenantMembers(user, tenant.id)]);
  const owners = people.members.filter((m) => m.role === "OWNER");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section title="Tenant">
        <Facts
          items={[
            { label: "Status", value: <StatusBadge status={tenant.status} /> },
            { label: "Plan", value: tenant.plan, testId: "tenant-plan" },
            { label: "Created", value: <LocalTime iso={tenant.createdAt} /> },
            { label: "Last changed", value: <LocalTime iso={tenant.updatedAt} /> },
            { label: "Custom domains (verified)", value: tenant.domains.join(", ") || "None" },
            {
              label: "Owners",
              testId: "tenant-owners",
              value: owners.length
                ? owners.map((o) => o.email).join(", ")
                : people.invitations.some((i) => i.role === "OWNER")
                  ? "Invited, not joined yet"
                  : "None",
            },
          ]}
        />
      </Section>
      <Section title="Usage against limits" description="Limits are the plan's, with this tenant's overrides applied.">
        <LimitUsageList usage={usage} />
      </Section>
    </div>
  );
}
