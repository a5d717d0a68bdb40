import type { UsageMetric } from "@/lib/usage/schemas";

const bytes = (n: number) => {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
};
const count = (n: number) => n.toLocaleString();
const money = (cents: number) => (cents / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How each metric is named, formatted and totalled on the usage page. */
export const METRIC_INFO: Record<UsageMetric, { label: string; format: (n: number) => string; totalLabel: string }> = {
  apiCalls: { label: "API calls", format: count, totalLabel: "calls in the range" },
  bandwidthBytes: { label: "Bandwidth", format: bytes, totalLabel: "transferred in the range" },
  storageBytes: { label: "Storage", format: bytes, totalLabel: "stored now" },
  activeUsers: { label: "Active users", format: count, totalLabel: "on the busiest day" },
  revenueCents: { label: "Revenue", format: money, totalLabel: "in your billing currency" },
};
