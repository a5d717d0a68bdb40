import type { Metadata } from "next";
import Link from "next/link";
import { TenantUsage } from "@/components/admin/tenant/tenant-usage";
import { Section } from "@/components/ui/page";
import { parseRange, rangeQuery, USAGE_RANGES } from "@/lib/usage/range";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";
import { USAGE_METRICS } from "@/lib/usage/schemas";
import { getUsage } from "@/lib/usage/service";

export const metadata: Metadata = { title: "Tenant usage" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TenantUsagePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireSuperAdminPage(`/admin/tenants/${id}/usage`);
  const tenant = await loadTenantOr404(id);
  const range = parseRange((await searchParams).range);
  const report = await getUsage(tenant.id, { ...rangeQuery(range), metrics: [...USAGE_METRICS] });
  return (
    <Section title="Usage" description="Daily figures in UTC days.">
      <nav aria-label="Range" className="flex w-fit gap-1 rounded-md border border-line p-1">
        {USAGE_RANGES.map((days) => (
          <Link
            key={days}
            href={`?range=${days}`}
            scroll={false}
            aria-current={days === range ? "page" : undefined}
            className="rounded px-3 py-1.5 text-sm hover:bg-surface-muted aria-[current=page]:bg-brand aria-[current=page]:text-brand-foreground"
          >
            {days} days
          </Link>
        ))}
      </nav>
      <TenantUsage
        report={report}
        limits={{ storageBytes: tenant.limits.storageBytes, activeUsers: tenant.limits.users }}
        ratePerMinute={tenant.limits.apiRatePerMinute ?? 0}
      />
    </Section>
  );
}
