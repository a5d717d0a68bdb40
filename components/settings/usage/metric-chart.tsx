"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageDay } from "@/lib/usage/service";
import type { UsageMetric } from "@/lib/usage/schemas";
import { METRIC_INFO } from "./metric-format";

type Props = { metric: UsageMetric; days: UsageDay[]; limit: number | null; note?: string };

/** One metric's days as bars; the plan's limit, where one applies, as a dashed line. */
export function MetricChart({ metric, days, limit, note }: Props) {
  const info = METRIC_INFO[metric];
  const data = days.map((d) => ({ day: d.day.slice(5), value: d[metric] ?? 0 }));
  const max = Math.max(0, ...data.map((d) => d.value));
  // Drawn even far above the bars: how little of the limit is in use is the point of the chart.
  const showLimit = limit !== null;
  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-4" data-testid={`chart-${metric}`}>
      <figcaption className="flex flex-col">
        <span className="font-medium">{info.label}</span>
        {note && <span className="text-xs text-fg-muted">{note}</span>}
      </figcaption>
      <div
        className="h-48 w-full"
        role="img"
        aria-label={`${info.label} per day: ${data.map((d) => `${d.day} ${info.format(d.value)}`).join(", ")}`}
      >
        <ResponsiveContainer width="100%" height={192} initialDimension={{ width: 320, height: 192 }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 11, fill: "var(--text-muted)" }} stroke="var(--border)" minTickGap={12} />
            <YAxis
              width={64}
              tick={{ fontSize: 11, fill: "var(--text-muted)" }}
              stroke="var(--border)"
              tickFormatter={(v: number) => info.format(v)}
              allowDecimals={false}
              domain={[0, showLimit ? Math.max(limit * 1.1, max) : "auto"]}
            />
            <Tooltip
              formatter={(v) => [info.format(Number(v)), info.label]}
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
            />
            <Bar dataKey="value" fill="var(--brand-primary)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            {showLimit && (
              <ReferenceLine
                y={limit}
                stroke="var(--brand-accent)"
                strokeDasharray="6 4"
                label={{ value: "Plan limit", fill: "var(--text-muted)", fontSize: 11, position: "insideTopRight" }}
              />
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
