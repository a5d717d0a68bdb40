"use client";

import { useState, useTransition } from "react";
import { changeRoleAction, removeMemberAction, transferOwnershipAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import type { TenantRole } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/entry-points/result";
import { FormMessage } from "@/components/ui/form-message";

type Props = { userId: string; email: string; role: string; canManageOwners: boolean; isSelf: boolean };

/** Role change, removal and ownership transfer for one member; the server re-checks each. */
export function MemberActions({ userId, email, role, canManageOwners, isSelf }: Props) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [confirming, setConfirming] = useState<"remove" | "transfer" | null>(null);
  const run = (work: () => Promise<ActionResult>) =>
    start(async () => {
      setResult(await work());
      setConfirming(null);
    });
  const roles = ["VIEWER", "MEMBER", "ADMIN", ...(canManageOwners ? ["OWNER"] : [])];
  const locked = role === "OWNER" && !canManageOwners;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role of {email}
        </label>
        <select
          id={`role-${userId}`}
          defaultValue={role}
          disabled={pending || locked}
          onChange={(e) => run(() => changeRoleAction({ userId, role: e.target.value as TenantRole }))}
          className="rounded-md border border-line bg-surface px-2 py-1 text-sm"
        >
          {(locked ? ["OWNER"] : roles).map((r) => (
            <option key={r} value={r}>
              {r.charAt(0) + r.slice(1).toLowerCase()}
            </option>
          ))}
        </select>
        {canManageOwners && !isSelf && role !== "OWNER" && (
          <Button
            variant="secondary"
            pending={pending && confirming === "transfer"}
            onClick={() =>
              confirming === "transfer" ? run(() => transferOwnershipAction({ userId })) : setConfirming("transfer")
            }
          >
            {confirming === "transfer" ? "Confirm: make owner, I become admin" : "Transfer ownership"}
          </Button>
        )}
        {!locked && (
          <Button
            variant="danger"
            pending={pending && confirming === "remove"}
            onClick={() => (confirming === "remove" ? run(() => removeMemberAction({ userId })) : setConfirming("remove"))}
          >
            {confirming === "remove" ? `Confirm removing ${email}` : "Remove"}
          </Button>
        )}
      </div>
      <FormMessage result={result} />
    </div>
  );
}
