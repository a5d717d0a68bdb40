"use client";

import type { UsageReport } from "@/lib/usage/service";
import { METRIC_INFO } from "@/components/settings/usage/metric-format";
import { USAGE_METRICS, type UsageMetric } from "@/lib/usage/schemas";
import { DailyChart } from "@/components/charts/daily-chart";

type Props = { report: UsageReport; limits: Partial<Record<UsageMetric, number>>; ratePerMinute: number };

/** A chart per metric over the chosen range, with the tenant's limit where one applies. */
export function TenantUsage({ report, limits, ratePerMinute }: Props) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {USAGE_METRICS.map((metric) => (
        <DailyChart
          key={metric}
          testId={`usage-${metric}`}
          title={METRIC_INFO[metric].label}
          format={METRIC_INFO[metric].format}
          points={report.days.map((d) => ({ day: d.day.slice(5), value: d[metric] ?? 0 }))}
          limit={limits[metric] ?? null}
          note={
            metric === "apiCalls"
              ? `No daily limit; the rate limit is ${ratePerMinute.toLocaleString()} calls per minute.`
              : metric === "activeUsers"
                ? "The dashed line is the member limit."
                : metric === "storageBytes"
                  ? "The dashed line is the storage limit."
                  : undefined
          }
        />
      ))}
    </div>
  );
}
