import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { EmptyState, Section } from "@/components/ui/page";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";
import { auditLogQuerySchema } from "@/lib/audit/schemas";
import { listAuditLog } from "@/lib/audit/service";

export const metadata: Metadata = { title: "Tenant audit log" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> };

export default async function TenantAuditPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireSuperAdminPage(`/admin/tenants/${id}/audit`);
  const tenant = await loadTenantOr404(id);
  const parsed = auditLogQuerySchema.safeParse({ cursor: (await searchParams).cursor, limit: 50 });
  const query = parsed.success ? parsed.data : auditLogQuerySchema.parse({ limit: 50 });
  const page = await listAuditLog(tenant.id, query);
  return (
    <Section title="Audit log" description="Everything done in this tenant, by whom, newest first.">
      {page.data.length === 0 ? <EmptyState>No entries yet.</EmptyState> : <AuditTable rows={page.data} />}
      <div className="flex gap-2">
        {query.cursor && (
          <Link href="?" className="rounded-md border border-line px-4 py-2 text-sm">
            Newest
          </Link>
        )}
        {page.nextCursor && (
          <Link href={`?cursor=${page.nextCursor}`} className="rounded-md border border-line px-4 py-2 text-sm">
            Older entries
          </Link>
        )}
      </div>
    </Section>
  );
}
