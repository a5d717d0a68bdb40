import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { TenantSort, TenantView } from "@/lib/tenants/schemas";
import { type ListUrlState, tenantsHref } from "./list-url";
import { StatusBadge } from "./status-badge";

type Props = { tenants: TenantView[]; state: ListUrlState & { sort: TenantSort } };

const COLUMNS = [
  { key: "name", label: "Name" },
  { key: "slug", label: "Slug" },
  { key: null, label: "Plan" },
  { key: null, label: "Status" },
  { key: null, label: "Custom domains" },
  { key: "createdAt", label: "Created" },
] as const;

/** A sortable column header: a link to the same filters sorted by it (first page), its order for screen readers. */
function SortHeader({ column, state }: { column: "name" | "slug" | "createdAt"; state: Props["state"] }) {
  const ascending = state.sort === column;
  const active = ascending || state.sort === `-${column}`;
  const next = ascending ? `-${column}` : column;
  const label = COLUMNS.find((c) => c.key === column)!.label;
  return (
    <Link
      href={tenantsHref({ q: state.q, plan: state.plan, status: state.status, sort: next })}
      scroll={false}
      className="inline-flex items-center gap-1 hover:underline"
    >
      {label}
      <span aria-hidden>{active ? (ascending ? "▲" : "▼") : "↕"}</span>
      <span className="sr-only">, sort {next.startsWith("-") ? "descending" : "ascending"}</span>
    </Link>
  );
}

export function TenantTable({ tenants, state }: Props) {
  const sortOf = (key: string) =>
    state.sort === key ? ("ascending" as const) : state.sort === `-${key}` ? ("descending" as const) : undefined;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full min-w-[44rem] text-left text-sm" data-testid="tenants-table">
        <caption className="sr-only">Tenants</caption>
        <thead className="bg-surface-muted">
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.label}
                scope="col"
                className="px-3 py-2 font-medium"
                aria-sort={column.key ? sortOf(column.key) : undefined}
              >
                {column.key ? <SortHeader column={column.key} state={state} /> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tenants.map((tenant) => (
            <tr key={tenant.id} className="border-t border-line" data-testid={`tenant-row-${tenant.slug}`}>
              <td className="px-3 py-2">
                <Link href={`/admin/tenants/${tenant.id}`} className="font-medium underline underline-offset-4">
                  {tenant.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{tenant.slug}</td>
              <td className="px-3 py-2">{tenant.plan}</td>
              <td className="px-3 py-2">
                <StatusBadge status={tenant.status} />
              </td>
              <td className="px-3 py-2">{tenant.domains.join(", ") || <span className="text-fg-muted">—</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <LocalTime iso={tenant.createdAt} dateOnly />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
