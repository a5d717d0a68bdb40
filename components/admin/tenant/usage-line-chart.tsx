"use client";

import { useSyncExternalStore } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Props = {
  title: string;
  testId: string;
  points: { day: string; value: number }[];
  limit: number | null;
  format: (n: number) => string;
  note?: string;
};

const subscribe = () => () => undefined;

/** One metric per day as a line; the limit, where one applies, as a dashed line the axis always reaches. */
export function UsageLineChart({ title, testId, points, limit, format, note }: Props) {
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
            <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11, fill: "var(--text-muted)" }} stroke="var(--border)" minTickGap={16} />
              <YAxis
                width={64}
                tick={{ fontSize: 11, fill: "var(--text-muted)" }}
                stroke="var(--border)"
                tickFormatter={(v: number) => format(v)}
                allowDecimals={false}
                domain={[0, limit !== null ? Math.max(limit, max) : "auto"]}
              />
              <Tooltip
                formatter={(v) => [format(Number(v)), title]}
                contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
              />
              <Line
                type="monotone"
                dataKey="value"
                stroke="var(--brand-primary)"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
              {limit !== null && (
                <ReferenceLine
                  y={limit}
                  stroke="var(--brand-accent)"
                  strokeDasharray="6 4"
                  label={{ value: "Limit", fill: "var(--text-muted)", fontSize: 11, position: "insideTopRight" }}
                />
              )}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
