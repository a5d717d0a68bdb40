import { addDays } from "./schemas";

export const USAGE_RANGES = [7, 30, 90] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

/** `?range=` as one of the offered ranges; anything else is the default 30 days. */
export function parseRange(value: string | string[] | undefined): UsageRange {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return (USAGE_RANGES as readonly number[]).includes(n) ? (n as UsageRange) : 30;
}

/** The last `range` UTC days, today included, as the usage API's query. */
export function rangeQuery(range: UsageRange, today = new Date().toISOString().slice(0, 10)) {
  return { from: addDays(today, 1 - range), to: today };
}
