"use client";

import { DailyChart } from "@/components/charts/daily-chart";

/** The platform's API calls per day (no limit applies across tenants). */
export function ApiCallsChart({ points }: { points: { day: string; value: number }[] }) {
  return (
    <DailyChart
      title="API calls per day, all tenants"
      testId="platform-api-calls"
      points={points.map((p) => ({ day: p.day.slice(5), value: p.value }))}
      limit={null}
      format={(n) => n.toLocaleString()}
    />
  );
}
