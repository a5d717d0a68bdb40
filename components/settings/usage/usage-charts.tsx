"use client";

import { useQuery } from "@tanstack/react-query";
import { LocalTime } from "@/components/ui/local-time";
import { USAGE_METRICS } from "@/lib/usage/schemas";
import type { UsageReport } from "@/lib/usage/service";
import { METRIC_INFO } from "./metric-format";
import { DailyChart } from "@/components/charts/daily-chart";
import { rangeQuery, type UsageRange } from "@/lib/usage/range";

type Props = { range: UsageRange; initial: UsageReport; storageLimit: number | null; ratePerMinute: number | null };

async function fetchUsage(range: UsageRange): Promise<UsageReport> {
  const { from, to } = rangeQuery(range);
  // Same origin with the session cookie: the REST API's own usage route, read-only.
  const response = await fetch(`/api/v1/tenants/current/usage?from=${from}&to=${to}`, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`The usage figures could not be loaded (HTTP ${response.status}).`);
  return (await response.json()) as UsageReport;
}

/** Totals and one chart per metric, polled every 15 s while the tab is visible. */
export function UsageCharts({ range, initial, storageLimit, ratePerMinute }: Props) {
  const query = useQuery({
    queryKey: ["usage", range],
    queryFn: () => fetchUsage(range),
    initialData: initial,
    refetchInterval: 15_000,
    refetchIntervalInBackground: false,
  });
  const report = query.data;
  return (
    <div className="flex flex-col gap-6">
      {query.isError && (
        <p role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-red-700 p-3 text-sm">
          {query.error.message} Showing the last figures.
          <button type="button" onClick={() => void query.refetch()} className="font-medium text-accent underline">
            Try again
          </button>
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-live="polite">
        {USAGE_METRICS.map((metric) => (
          <div key={metric} className="flex flex-col gap-1 rounded-lg border border-line p-3">
            <dt className="text-sm text-fg-muted">{METRIC_INFO[metric].label}</dt>
            <dd className="text-xl font-semibold" data-testid={`total-${metric}`} data-value={report.totals[metric] ?? 0}>
              {METRIC_INFO[metric].format(report.totals[metric] ?? 0)}
            </dd>
            <dd className="text-xs text-fg-muted">{METRIC_INFO[metric].totalLabel}</dd>
          </div>
        ))}
      </dl>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        {USAGE_METRICS.map((metric) => (
          <DailyChart
            key={metric}
            testId={`chart-${metric}`}
            title={METRIC_INFO[metric].label}
            format={METRIC_INFO[metric].format}
            points={report.days.map((d) => ({ day: d.day.slice(5), value: d[metric] ?? 0 }))}
            limit={metric === "storageBytes" ? storageLimit : null}
            limitLabel="Plan limit"
            note={
              metric === "apiCalls" && ratePerMinute
                ? `No daily limit: your plan allows ${ratePerMinute.toLocaleString()} calls per minute.`
                : metric === "storageBytes" && storageLimit
                  ? `The dashed line is your plan's limit of ${METRIC_INFO.storageBytes.format(storageLimit)}.`
                  : undefined
            }
          />
        ))}
      </div>
      <p className="text-xs text-fg-muted">
        {query.isFetching ? (
          "Refreshing…"
        ) : (
          <>
            Updated <LocalTime iso={new Date(query.dataUpdatedAt).toISOString()} />
          </>
        )}
        . Reading the figures counts as an API call too.
      </p>
    </div>
  );
}
