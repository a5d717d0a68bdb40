import type { Metadata } from "next";
import Link from "next/link";
import { AuditEntries } from "@/components/settings/audit-log/audit-entries";
import { AuditFilters } from "@/components/settings/audit-log/audit-filters";
import { PageHeader } from "@/components/ui/page";
import { auditLogQuerySchema } from "@/lib/audit/schemas";
import { listAuditLog } from "@/lib/audit/service";
import { requireTenantPage } from "@/lib/tenancy/page-access";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { brand } = await requireTenantPage("/settings/audit-log", "read:audit");
  const search = await searchParams;
  const filters = { action: one(search.action), actorType: one(search.actorType) };
  const parsed = auditLogQuerySchema.safeParse({ ...filters, cursor: one(search.cursor), limit: 25 });
  const page = parsed.success ? await listAuditLog(brand.tenantId, parsed.data) : null;
  const withFilters = (extra: Record<string, string>) => {
    const kept = Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]);
    return `?${new URLSearchParams([...kept, ...Object.entries(extra)])}`;
  };

  return (
    <>
      <PageHeader title="Audit log">Everything changed in this tenant, by whom and from where, newest first.</PageHeader>
      <AuditFilters action={filters.action ?? ""} actorType={filters.actorType ?? ""} />
      {!page ? (
        <p role="alert" className="rounded-md border border-red-700 p-4 text-sm">
          These filters are not valid ({parsed.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}).{" "}
          <Link href="/settings/audit-log" className="font-medium text-accent underline">
            Show the whole log
          </Link>
        </p>
      ) : (
        <>
          <AuditEntries
            entries={page.data.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))}
            filtered={!!(filters.action || filters.actorType)}
          />
          <nav aria-label="Audit log pages" className="flex flex-wrap gap-3 text-sm">
            {search.cursor && (
              <Link href={withFilters({})} className="rounded-md border border-line px-3 py-2 hover:bg-surface-muted">
                Newest entries
              </Link>
            )}
            {page.nextCursor && (
              <Link
                href={withFilters({ cursor: page.nextCursor })}
                className="rounded-md border border-line px-3 py-2 hover:bg-surface-muted"
                data-testid="older-entries"
              >
                Older entries
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
