import type { Metadata } from "next";
import { LocalTime } from "@/components/ui/local-time";
import { notFound, redirect } from "next/navigation";
import { InviteForm } from "@/components/members/invite-form";
import { MemberActions } from "@/components/members/member-actions";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { PortalNav } from "@/components/tenant/portal-nav";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { listMembers } from "@/lib/members/service";
import { getRequestBrand } from "@/lib/tenancy/current";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const brand = await getRequestBrand();
  if (!brand) notFound(); // a tenant page; the platform host has none
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/members");
  const { members, invitations } = await listMembers(user);
  const canWrite = can(user.role, "write:members");
  const canManageOwners = can(user.role, "manage:ownership");

  return (
    // Not under [data-tenant-portal]: custom CSS styles the portal, not the screens that manage it (decision 29).
    <div className="min-h-screen">
      <PortalNav tenantName={brand.name} current="members" />
      <main className="mx-auto flex max-w-5xl flex-col gap-10 px-6 py-10">
        <h1 className="text-3xl font-bold">Members</h1>
        {canWrite && (
          <section aria-labelledby="invite" className="flex flex-col gap-3">
            <h2 id="invite" className="text-lg font-semibold">
              Invite someone
            </h2>
            <InviteForm canInviteOwners={canManageOwners} />
          </section>
        )}
        <section aria-labelledby="people" className="flex flex-col gap-3">
          <h2 id="people" className="text-lg font-semibold">
            People ({members.length})
          </h2>
          <ul className="divide-y divide-line rounded-md border border-line" data-testid="members">
            {members.map((m) => (
              <li
                key={m.id}
                className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
                data-testid={`member-${m.email}`}
              >
                <div>
                  <p className="font-medium">
                    {m.name} {m.id === user.id && <span className="text-sm text-fg-muted">(you)</span>}
                  </p>
                  <p className="text-sm text-fg-muted">
                    {m.email} · {m.role.toLowerCase()} ·{" "}
                    {m.lastSignInAt ? (
                      <>
                        last signed in <LocalTime iso={m.lastSignInAt.toISOString()} dateOnly />
                      </>
                    ) : (
                      "never signed in"
                    )}
                  </p>
                </div>
                {canWrite && (
                  <MemberActions
                    userId={m.id}
                    email={m.email}
                    role={m.role}
                    canManageOwners={canManageOwners}
                    isSelf={m.id === user.id}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
        {canWrite && (
          <section aria-labelledby="pending" className="flex flex-col gap-3">
            <h2 id="pending" className="text-lg font-semibold">
              Pending invitations
            </h2>
            {invitations.length === 0 ? (
              <p className="text-sm text-fg-muted">No pending invitations.</p>
            ) : (
              <ul className="divide-y divide-line rounded-md border border-line">
                {invitations.map((i) => (
                  <li key={i.id} className="flex items-center justify-between gap-3 px-4 py-3">
                    <p className="text-sm">
                      {i.email} · {i.role.toLowerCase()} · expires <LocalTime iso={i.expiresAt.toISOString()} dateOnly />
                    </p>
                    <RevokeInvitationButton invitationId={i.id} email={i.email} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
