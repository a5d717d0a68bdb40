import { headers } from "next/headers";
import type { SessionUser } from "@/lib/auth/session";
import { LocalTime } from "@/components/ui/local-time";
import { platformOrigin, reachedVia } from "@/lib/tenants/links";
import { LeaveActing } from "./leave-acting";

/**
 * Shown on every portal page while a super-admin acts in the tenant ("Open as
 * admin"), so nobody mistakes the session for a member's own.
 */
export async function ActingBanner({ user, tenantName }: { user: SessionUser; tenantName: string }) {
  if (user.actingUntil === undefined || !user.tenantId) return null;
  const backTo = `${platformOrigin(reachedVia(await headers()))}/admin/tenants/${user.tenantId}`;
  return (
    <section
      aria-label="Acting as a super-admin"
      data-testid="acting-banner"
      className="border-b border-amber-800 bg-amber-100 text-amber-950 dark:border-amber-300 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-6 py-2 text-sm">
        <p>
          <strong>Super-admin {user.email}</strong> in {tenantName}&apos;s portal, until{" "}
          <LocalTime iso={new Date(user.actingUntil).toISOString()} />. Everything you do here is recorded under your name.
        </p>
        <LeaveActing backTo={backTo} />
      </div>
    </section>
  );
}
