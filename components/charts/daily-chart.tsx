"use client";

import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Props = {
  title: string;
  testId: string;
  /** One figure per day, oldest first; `day` as the axis shows it (e.g. "11-27"). */
  points: { day: string; value: number }[];
  /** Drawn as a dashed line where one applies, even far above the bars: how little is in use is the point. */
  limit: number | null;
  limitLabel?: string;
  format: (n: number) => string;
  note?: string;
};

const subscribe = () => () => undefined;

/**
 * A metric per day as bars, with its limit: the usage charts of a tenant's
 * settings, the dashboard's tenant usage tab and its platform overview.
 */
export function DailyChart({ title, testId, points, limit, limitLabel = "Limit", format, note }: Props) {
  const max = Math.max(0, ...points.map((p) => p.value));
  // Drawn in the browser only: the page's CSP refuses server-rendered style
  // attributes, which the chart's sizing container relies on.
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-4" data-testid={testId}>
      <figcaption className="flex flex-col">
        <span className="font-medium">{title}</span>
        {note && <span className="text-xs text-fg-muted">{note}</span>}
      </figcaption>
      <div
        className="h-48 w-full"
        role="img"
        aria-label={`${title} per day${limit !== null ? `, limit ${format(limit)}` : ""}: ${points.map((p) => `${p.day} ${format(p.value)}`).join(", ")}`}
      >
        {inBrowser && (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11, fill: "var(--text-muted)" }} stroke="var(--border)" minTickGap={12} />
              <YAxis
                width={64}
                tick={{ fontSize: 11, fill: "var(--text-muted)" }}
                stroke="var(--border)"
                tickFormatter={(v: number) => format(v)}
                allowDecimals={false}
                domain={[0, limit !== null ? Math.max(limit * 1.1, max) : "auto"]}
              />
              <Tooltip
                formatter={(v) => [format(Number(v)), title]}
                contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
              />
              <Bar dataKey="value" fill="var(--brand-primary)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
              {limit !== null && (
                <ReferenceLine
                  y={limit}
                  stroke="var(--brand-accent)"
                  strokeDasharray="6 4"
                  label={{ value: limitLabel, fill: "var(--text-muted)", fontSize: 11, position: "insideTopRight" }}
                />
              )}
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
