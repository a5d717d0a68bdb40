import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page";
import { UsageCharts } from "@/components/settings/usage/usage-charts";
import { parseRange, rangeQuery, USAGE_RANGES } from "@/lib/usage/range";
import { requireTenantPage } from "@/lib/tenancy/page-access";
import { getTenantSnapshot } from "@/lib/tenants/status";
import { USAGE_METRICS } from "@/lib/usage/schemas";
import { getUsage } from "@/lib/usage/service";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { brand } = await requireTenantPage("/settings/usage", "read:usage");
  const range = parseRange((await searchParams).range);
  const [report, tenant] = await Promise.all([
    getUsage(brand.tenantId, { ...rangeQuery(range), metrics: [...USAGE_METRICS] }),
    getTenantSnapshot(brand.tenantId),
  ]);
  return (
    <>
      <PageHeader title="Usage">
        Daily figures in UTC days. The page refreshes itself every 15 seconds while you look at it.
      </PageHeader>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Range" className="flex gap-1 rounded-md border border-line p-1">
          {USAGE_RANGES.map((days) => (
            <Link
              key={days}
              href={`?range=${days}`}
              aria-current={days === range ? "page" : undefined}
              className="rounded px-3 py-1.5 text-sm hover:bg-surface-muted aria-[current=page]:bg-brand aria-[current=page]:text-brand-foreground"
            >
              {days} days
            </Link>
          ))}
        </nav>
        <a
          href={`/settings/usage/export?range=${range}`}
          download
          className="rounded-md border border-line px-4 py-2 text-sm font-medium hover:bg-surface-muted"
        >
          Download CSV
        </a>
      </div>
      <UsageCharts
        range={range}
        initial={report}
        storageLimit={tenant?.limits.storageBytes ?? null}
        ratePerMinute={tenant?.limits.apiRatePerMinute ?? null}
      />
    </>
  );
}
