import { EmptyState } from "@/components/ui/page";
import { LocalTime } from "@/components/ui/local-time";

export type AuditRow = {
  id: string;
  action: string;
  actorType: string;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  metadata: unknown;
  createdAt: string;
};

export function AuditEntries({ entries, filtered }: { entries: AuditRow[]; filtered: boolean }) {
  if (entries.length === 0) {
    return <EmptyState>{filtered ? "No entries match these filters." : "Nothing has been recorded yet."}</EmptyState>;
  }
  return (
    <ol className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="audit-entries">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-col gap-1 p-4" data-testid="audit-entry">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-mono text-sm font-semibold" data-testid="audit-action">
              {e.action}
            </span>
            <span className="text-sm text-fg-muted">
              <LocalTime iso={e.createdAt} />
            </span>
          </div>
          <p className="text-sm break-all text-fg-muted">
            by {e.actorLabel ?? e.actorType.toLowerCase()} <span className="text-xs">({e.actorType})</span>
            {e.ip && <> from {e.ip}</>}
            {e.targetType && (
              <>
                {" "}
                on {e.targetType} <span className="font-mono text-xs">{e.targetId}</span>
              </>
            )}
          </p>
          {e.metadata && typeof e.metadata === "object" && Object.keys(e.metadata).length > 0 ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-fg-muted">Details</summary>
              <pre className="mt-2 overflow-x-auto rounded bg-surface-muted p-3 text-xs break-all whitespace-pre-wrap">
                {JSON.stringify(e.metadata, null, 2)}
              </pre>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
