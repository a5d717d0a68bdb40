import type { LimitUsage } from "@/lib/usage/limits";

const LABELS: Record<LimitUsage["limit"], string> = {
  users: "Members and pending invitations",
  storageBytes: "Storage",
  apiRatePerMinute: "API calls per minute",
  apiKeys: "Usable API keys",
  contentItems: "Content items",
  customDomains: "Custom domains (pending or verified)",
};

const bytes = (n: number) => `${(n / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;

/** Each limit next to its use, as a labelled meter. */
export function LimitUsageList({ usage }: { usage: LimitUsage[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {usage.map((item) => {
        const format = item.limit === "storageBytes" ? bytes : (n: number) => n.toLocaleString();
        const share = item.used === null || item.allowed === 0 ? null : Math.min(1, item.used / item.allowed);
        return (
          <li key={item.limit} className="flex flex-col gap-1" data-testid={`limit-${item.limit}`}>
            <div className="flex flex-wrap justify-between gap-2 text-sm">
              <span>{LABELS[item.limit]}</span>
              <span className="text-fg-muted">
                {item.used === null ? `limit ${format(item.allowed)}` : `${format(item.used)} of ${format(item.allowed)}`}
              </span>
            </div>
            {share !== null && (
              <meter
                min={0}
                max={1}
                low={0.7}
                high={0.9}
                optimum={0}
                value={share}
                aria-label={`${LABELS[item.limit]}: ${Math.round(share * 100)}% used`}
                className="h-2 w-full"
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
