"use client";

import { useState, useTransition } from "react";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { Permission } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/entry-points/result";
import { PERMISSION_LABELS } from "./permission-labels";
import type { Revealed } from "@/components/keys/secret-reveal";

/** Name, permissions (only those the user's own role has) and an optional expiry date. */
export function CreateKeyForm({ grantable, onCreated }: { grantable: Permission[]; onCreated: (r: Revealed) => void }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const toast = useToast();
  const [tomorrow] = useState(() => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));

  const submit = (form: FormData) =>
    start(async () => {
      const outcome = await createApiKeyAction({
        name: String(form.get("name") ?? ""),
        // The server refuses anything that is not a permission; the checkboxes offer only permissions.
        permissions: form.getAll("permissions").map(String) as Permission[],
        expiresAt: String(form.get("expiresAt") ?? ""),
      });
      setResult(outcome.ok ? null : outcome);
      if (outcome.ok && outcome.data) {
        toast(outcome.message);
        onCreated({ name: outcome.data.name, secret: outcome.data.secret });
      }
    });

  const errors = result?.fieldErrors ?? {};
  return (
    <form action={submit} className="flex flex-col gap-4" aria-label="Create an API key">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="key-name" name="name" label="Name" placeholder="CI deploys" required maxLength={100} error={errors.name} />
        <Field id="key-expires" name="expiresAt" type="date" label="Expires (optional)" min={tomorrow} error={errors.expiresAt} />
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.permissions ? "key-permissions-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Permissions</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {grantable.map((p) => (
            <label key={p} className="flex items-start gap-2 rounded-md border border-line p-2 text-sm has-checked:border-brand">
              <input type="checkbox" name="permissions" value={p} className="mt-0.5 size-4 accent-(--brand-primary)" />
              <span>
                <span className="font-mono text-xs">{p}</span>
                <span className="block text-fg-muted">{PERMISSION_LABELS[p]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.permissions && (
          <p id="key-permissions-error" className="text-sm text-red-700 dark:text-red-400">
            Permissions {errors.permissions}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          Create key
        </Button>
        <FormMessage result={result} />
      </div>
    </form>
  );
}
