import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { EdgeRefusal } from "@/lib/domains/edge-status";
import type { CustomDomainView } from "@/lib/domains/view";

const REFUSALS: Record<EdgeRefusal, string> = {
  not_verified: "Refused: not verified",
  suspended: "Refused: the portal is suspended",
  plan: "Refused: the plan has no custom domains",
  over_limit: "Refused: over the plan's custom-domain limit",
};

const time = (date: Date, dateOnly = false) => <LocalTime iso={date.toISOString()} dateOnly={dateOnly} />;

/**
 * Two lines per domain: where its DNS points, and what the TLS edge does
 * with it (the ask endpoint's answer, when it last asked, the certificate the
 * daily probe saw). The words carry the meaning; badges only repeat it.
 */
export function DomainStatuses({ domain }: { domain: CustomDomainView }) {
  const { routing, edge } = domain;
  return (
    <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium">DNS</dt>
      <dd data-testid="dns-status" className="break-words text-fg-muted">
        {routing === null ? (
          "Not looked up yet; the next check will."
        ) : routing.toEdge ? (
          <>
            <Badge tone="good">Points here</Badge> {routing.records}
          </>
        ) : (
          <>
            <Badge tone="warn">Not pointing here yet</Badge> found {routing.records}
          </>
        )}
      </dd>
      <dt className="font-medium">HTTPS</dt>
      <dd data-testid="edge-status" className="break-words text-fg-muted">
        {edge.allowed ? (
          edge.lastAskedAt ? (
            <>Allowed, last asked {time(edge.lastAskedAt)}</>
          ) : (
            "Allowed, no visit yet"
          )
        ) : (
          REFUSALS[edge.refusal ?? "not_verified"]
        )}
        {edge.certificate &&
          (edge.certificate.problem ? (
            <> · certificate check: {edge.certificate.problem}</>
          ) : (
            edge.certificate.expiresAt && <> · certificate seen, expires {time(edge.certificate.expiresAt, true)}</>
          ))}
      </dd>
    </dl>
  );
}

/** The records to create, as a table a tenant can copy from. */
export function DomainRecords({ domain }: { domain: CustomDomainView }) {
  return (
    <div
      className="overflow-x-auto rounded bg-surface-muted"
      role="region"
      aria-label={`DNS records for ${domain.hostname}`}
      tabIndex={0}
    >
      <table className="w-full text-left font-mono text-xs">
        <thead>
          <tr>
            <th className="p-2 font-semibold">Type</th>
            <th className="p-2 font-semibold">Name</th>
            <th className="p-2 font-semibold">Value</th>
          </tr>
        </thead>
        <tbody>
          {domain.dns.records.map((record) => (
            <tr key={`${record.type} ${record.value}`} className="border-t border-line align-top">
              <td className="p-2">{record.type}</td>
              <td className="p-2 break-all">{record.name}</td>
              <td className="p-2">
                <span className="break-all" data-testid={record.type === "TXT" ? "txt-value" : undefined}>
                  {record.value}
                </span>
                <span className="block font-sans text-fg-muted">{record.purpose}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
