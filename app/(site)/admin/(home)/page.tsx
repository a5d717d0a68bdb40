import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { ApiCallsChart } from "@/components/admin/overview/api-calls-chart";
import { LinkButton } from "@/components/admin/ui";
import { EmptyState, PageHeader, Section } from "@/components/ui/page";
import { LocalTime } from "@/components/ui/local-time";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { getPlatformOverview, latestAuditEntries } from "@/lib/admin/overview";
import { PLANS } from "@/lib/tenants/plans";

export const metadata: Metadata = { title: "Admin" };

const LIMIT_NAMES = { users: "members", apiKeys: "API keys" } as const;

export default async function AdminOverviewPage() {
  await requireSuperAdminPage("/admin");
  const [overview, audit] = await Promise.all([getPlatformOverview(), latestAuditEntries()]);
  const count = (plan: string, status: string) =>
    overview.byPlanStatus.find((row) => row.plan === plan && row.status === status)?.count ?? 0;
  const total = overview.byPlanStatus.reduce((sum, row) => sum + row.count, 0);
  return (
    <>
      <PageHeader title="Overview" actions={<LinkButton href="/admin/tenants/new">Create tenant</LinkButton>}>
        The platform at a glance. Figures as of <LocalTime iso={overview.at} />; they refresh every minute.
      </PageHeader>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[
          { label: "Tenants", value: total, id: "stat-tenants" },
          { label: "New this month", value: overview.newThisMonth, id: "stat-new" },
          {
            label: "Suspended",
            value: overview.byPlanStatus.filter((r) => r.status === "SUSPENDED").reduce((s, r) => s + r.count, 0),
            id: "stat-suspended",
          },
          { label: "API calls today (UTC)", value: overview.apiCallsToday, id: "stat-calls" },
        ].map((stat) => (
          <div key={stat.id} className="flex flex-col gap-1 rounded-lg border border-line p-3">
            <dt className="text-sm text-fg-muted">{stat.label}</dt>
            <dd className="text-2xl font-semibold" data-testid={stat.id}>
              {stat.value.toLocaleString()}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Tenants by plan and status">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="plan-status">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2 font-medium">
                    Plan
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Active
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Suspended
                  </th>
                </tr>
              </thead>
              <tbody>
                {PLANS.map((plan) => (
                  <tr key={plan} className="border-b border-line last:border-0">
                    <th scope="row" className="py-2 font-normal">
                      <Link href={`/admin/tenants?plan=${plan}`} className="underline underline-offset-4">
                        {plan}
                      </Link>
                    </th>
                    <td className="py-2 text-right">{count(plan, "ACTIVE").toLocaleString()}</td>
                    <td className="py-2 text-right">{count(plan, "SUSPENDED").toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
        <ApiCallsChart points={overview.apiCallsByDay} />
      </div>
      <Section title="Closest to their limits" description="Members and usable API keys against each tenant's limit.">
        {overview.nearLimits.length === 0 ? (
          <EmptyState>No tenant has members or keys yet.</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-line" data-testid="near-limits">
            {overview.nearLimits.map((row) => (
              <li key={`${row.id}-${row.limit}`} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/admin/tenants/${row.id}`} className="font-medium underline underline-offset-4">
                  {row.name}
                </Link>
                <span className="text-fg-muted">
                  {row.used.toLocaleString()} of {row.allowed.toLocaleString()} {LIMIT_NAMES[row.limit]} (
                  {Math.round((row.used / row.allowed) * 100)}%)
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Latest audit events">
        {audit.length === 0 ? (
          <EmptyState>Nothing has happened yet.</EmptyState>
        ) : (
          <AuditTable showTenant rows={audit.map((e) => ({ ...e, tenant: e.tenant?.slug ?? null }))} />
        )}
        <Link href="/admin/audit" className="text-sm font-medium underline underline-offset-4">
          The whole audit log
        </Link>
      </Section>
    </>
  );
}
