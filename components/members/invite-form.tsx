"use client";

import { useActionState, useState } from "react";
import { inviteAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const ROLES = [
  ["VIEWER", "Viewer"],
  ["MEMBER", "Member"],
  ["ADMIN", "Admin"],
  ["OWNER", "Owner"],
] as const;

export function InviteForm({ canInviteOwners }: { canInviteOwners: boolean }) {
  const [state, action, pending] = useActionState(inviteAction, null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field id="invite-email" name="email" type="email" label="Email" required error={state?.fieldErrors?.email} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-role" className="text-sm font-medium">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue="MEMBER"
            className="rounded-md border border-line bg-surface px-3 py-2"
          >
            {ROLES.filter(([role]) => role !== "OWNER" || canInviteOwners).map(([role, label]) => (
              <option key={role} value={role}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" pending={pending}>
          Create invitation
        </Button>
      </form>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      )}
      {state?.ok && state.data && (
        <div role="status" className="flex flex-col gap-2 rounded-md border border-line bg-surface-muted p-4">
          <p className="text-sm">{state.message} Send this link to them; it works once, for 7 days, and is not shown again:</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-surface px-2 py-1 text-xs break-all" data-testid="invite-link">
              {state.data.link}
            </code>
            <Button
              variant="secondary"
              type="button"
              onClick={() => void navigator.clipboard.writeText(state.data!.link).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
