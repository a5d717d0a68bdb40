import { LocalTime } from "@/components/ui/local-time";

export type AuditRow = {
  id: string;
  action: string;
  actorType: string;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  createdAt: Date;
  tenant?: string | null;
};

/** Audit entries, newest first. `tenant` is shown on the platform log, where entries span tenants. */
export function AuditTable({ rows, showTenant = false }: { rows: AuditRow[]; showTenant?: boolean }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="bg-surface-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              When
            </th>
            {showTenant && (
              <th scope="col" className="px-3 py-2 font-medium">
                Tenant
              </th>
            )}
            <th scope="col" className="px-3 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Actor
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Target
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-line" data-testid="audit-row">
              <td className="px-3 py-2 whitespace-nowrap">
                <LocalTime iso={row.createdAt.toISOString()} />
              </td>
              {showTenant && <td className="px-3 py-2">{row.tenant ?? <span className="text-fg-muted">platform</span>}</td>}
              <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
              <td className="px-3 py-2 break-all">{row.actorLabel ?? row.actorType.toLowerCase()}</td>
              <td className="px-3 py-2 text-xs break-all text-fg-muted">
                {row.targetType} {row.targetId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
