import type { Metadata } from "next";
import { EmptyState, Section } from "@/components/ui/page";
import { LocalTime } from "@/components/ui/local-time";
import { requireSuperAdminPage } from "@/lib/admin/access";
import { loadTenantOr404 } from "@/lib/admin/tenant-detail";
import { listTenantMembers } from "@/lib/admin/tenant-members";

export const metadata: Metadata = { title: "Tenant members" };

export default async function TenantMembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSuperAdminPage(`/admin/tenants/${id}/members`);
  const tenant = await loadTenantOr404(id);
  const { members, invitations } = await listTenantMembers(user, tenant.id);
  return (
    <>
      <Section title="Members" description="Read-only here; the tenant's owners and admins manage members in their portal.">
        {members.length === 0 ? (
          <EmptyState>No members yet.</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="tenant-members">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span className="min-w-0 break-words">
                  <span className="font-medium">{m.name}</span> <span className="text-fg-muted">{m.email}</span>
                </span>
                <span className="text-sm text-fg-muted">
                  {m.role.toLowerCase()} ·{" "}
                  {m.lastSignInAt ? (
                    <>
                      last sign-in <LocalTime iso={m.lastSignInAt.toISOString()} />
                    </>
                  ) : (
                    "never signed in"
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Pending invitations">
        {invitations.length === 0 ? (
          <EmptyState>No pending invitations.</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="tenant-invitations">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                <span className="break-all">{i.email}</span>
                <span className="text-fg-muted">
                  {i.role.toLowerCase()} · expires <LocalTime iso={i.expiresAt.toISOString()} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
