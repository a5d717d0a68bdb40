import type { Metadata } from "next";
import { EmptyState, Section } from "@/components/ui/page";
import { DomainStateBadge } from "@/components/domains/domain-state";
import { DomainStatuses } from "@/components/domains/domain-statuses";
import { LocalTime } from "@/components/ui/local-time";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";
import { listCustomDomains } from "@/lib/domains/service";

export const metadata: Metadata = { title: "Tenant domains" };

export default async function TenantDomainsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSuperAdminPage(`/admin/tenants/${id}/domains`);
  const tenant = await loadTenantOr404(id);
  const domains = await listCustomDomains(tenant.id);
  return (
    <Section
      title="Custom domains"
      description="Claimed by the tenant in its portal; verified and lapsing domains serve it while its plan allows."
    >
      {domains.length === 0 ? (
        <EmptyState data-testid="domains-empty">This tenant has no custom domains.</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="tenant-domains">
          {domains.map((d) => (
            <li key={d.id} className="flex flex-col gap-2 p-3" data-testid={`tenant-domain-${d.hostname}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-mono text-sm break-all">{d.hostname}</span>
                <span className="flex items-center gap-2 text-sm text-fg-muted">
                  <DomainStateBadge state={d.status} expiresAt={d.expiresAt} />
                  {d.verifiedAt && (
                    <>
                      verified <LocalTime iso={d.verifiedAt.toISOString()} dateOnly />
                    </>
                  )}
                  {d.lastCheckError && <span>· {d.lastCheckError}</span>}
                </span>
              </div>
              <DomainStatuses domain={d} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
