import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { listPlatformAudit, platformAuditQuerySchema } from "@/lib/admin/platform-audit";

export const metadata: Metadata = { title: "Audit log" };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function PlatformAuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireSuperAdminPage("/admin/audit");
  const params = await searchParams;
  const raw = Object.fromEntries(["scope", "action", "actorType", "cursor"].map((n) => [n, first(params[n])]));
  const parsed = platformAuditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : platformAuditQuerySchema.parse({});
  const page = await listPlatformAudit(query);
  const keep = new URLSearchParams(
    Object.entries({ scope: query.scope, action: query.action, actorType: query.actorType }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  return (
    <>
      <PageHeader title="Audit log">
        Everything done on the platform, newest first: platform-level entries (tenant deletions, platform keys) and every
        tenant&apos;s.
      </PageHeader>
      <AuditFilters key={keep.toString()} scope={query.scope} action={query.action} actorType={query.actorType} />
      {!parsed.success && (
        <p role="alert" className="rounded-md border border-red-700 p-3 text-sm">
          Some filters were not valid and were ignored.{" "}
          <Link href="/admin/audit" className="font-medium underline underline-offset-4">
            Clear them
          </Link>
        </p>
      )}
      {page.data.length === 0 ? (
        <EmptyState data-testid="audit-empty">No entries match.</EmptyState>
      ) : (
        <AuditTable showTenant rows={page.data} />
      )}
      <nav aria-label="Pages" className="flex gap-2">
        {query.cursor && (
          <Link href={`/admin/audit?${keep}`} scroll={false} className="rounded-md border border-line px-4 py-2 text-sm">
            Newest
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/admin/audit?${keep}${keep.size ? "&" : ""}cursor=${page.nextCursor}`}
            scroll={false}
            className="rounded-md border border-line px-4 py-2 text-sm"
          >
            Older entries
          </Link>
        )}
      </nav>
    </>
  );
}
