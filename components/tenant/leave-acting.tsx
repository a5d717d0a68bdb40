"use client";

import { signOut } from "next-auth/react";
import { useTransition } from "react";

/** Ends the acting session on this host and goes back to the tenant in the dashboard. */
export function LeaveActing({ backTo }: { backTo: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending || undefined}
      className="rounded-md border border-current px-3 py-1 text-sm font-medium focus-visible:ring-2 focus-visible:ring-current focus-visible:outline-none disabled:opacity-60"
      onClick={() =>
        startTransition(async () => {
          await signOut({ redirect: false });
          window.location.assign(backTo);
        })
      }
    >
      {pending ? "Leaving…" : "Leave and go back to the platform"}
    </button>
  );
}
