"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTenantKeyAction, revokeTenantKeyAction } from "@/app/(site)/admin/tenants/[id]/actions";
import { CopyField } from "@/components/admin/copy-field";
import { TextField } from "@/components/admin/form-fields";
import { Empty } from "@/components/admin/ui";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DANGER_DARK } from "@/components/admin/ui-classes";
import { FormMessage } from "@/components/ui/form-message";
import { LocalTime } from "@/components/ui/local-time";
import { useToast } from "@/components/ui/toast";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/http/action-result";

export type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  status: string;
  createdAt: string;
  lastUsedAt: string | null;
};

/** A tenant's API keys: create (the secret is shown once, with a copy button) and revoke. */
export function TenantKeys({ tenantId, keys }: { tenantId: string; keys: KeyRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ secret: string; name: string }> | null>(null);

  const create = (form: FormData) =>
    startTransition(async () => {
      const permissions = PERMISSIONS.filter((p) => form.get(`perm-${p}`) === "on");
      const outcome = await createTenantKeyAction(tenantId, { name: String(form.get("name") ?? ""), permissions });
      setResult(outcome);
      if (outcome.ok) {
        toast(outcome.message);
        router.refresh();
      }
    });
  const revoke = (keyId: string) =>
    startTransition(async () => {
      const outcome = await revokeTenantKeyAction(tenantId, keyId);
      toast(outcome.message, outcome.ok ? "success" : "error");
      if (outcome.ok) router.refresh();
    });

  return (
    <div className="flex flex-col gap-6">
      {result?.ok && result.data ? (
        <div className="flex flex-col gap-3 rounded-lg border-2 border-amber-500 p-4" data-testid="secret-reveal">
          <p className="font-semibold">Copy the secret of “{result.data.name}” now: it is shown only this once.</p>
          <CopyField value={result.data.secret} label="API key secret" testId="secret" />
          <div>
            <Button variant="secondary" onClick={() => setResult(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form action={create} className="flex flex-col gap-4 rounded-lg border border-line p-4" aria-label="Create an API key">
          <TextField id="key-name" name="name" label="Key name" required maxLength={100} error={result?.fieldErrors?.name} />
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium">Permissions</legend>
            <div className="grid gap-1 sm:grid-cols-3">
              {PERMISSIONS.map((p) => (
                <label key={p} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={`perm-${p}`} defaultChecked={p.startsWith("read:")} /> {p}
                </label>
              ))}
            </div>
            {result?.fieldErrors?.permissions && (
              <p className="text-sm text-red-700 dark:text-red-400">Permissions {result.fieldErrors.permissions}.</p>
            )}
          </fieldset>
          {result && !result.ok && <FormMessage result={result} />}
          <div>
            <Button type="submit" pending={pending}>
              Create key
            </Button>
          </div>
        </form>
      )}
      {keys.length === 0 ? (
        <Empty data-testid="keys-empty">This tenant has no API keys yet.</Empty>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="tenant-keys">
          {keys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 p-3" data-testid={`key-${key.name}`}>
              <div className="flex min-w-0 flex-col gap-1">
                <span className="font-medium break-words">
                  {key.name} <span className="font-mono text-xs text-fg-muted">{key.prefix}…</span>
                </span>
                <span className="text-xs text-fg-muted">
                  Created <LocalTime iso={key.createdAt} />
                  {key.lastUsedAt && (
                    <>
                      {" "}
                      · last used <LocalTime iso={key.lastUsedAt} />
                    </>
                  )}{" "}
                  · {key.permissions.join(", ")}
                </span>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={key.status === "active" ? "good" : key.status === "revoked" ? "bad" : "warn"}>{key.status}</Badge>
                {key.status !== "revoked" && key.status !== "expired" && (
                  <Button
                    variant="danger"
                    className={DANGER_DARK}
                    pending={pending}
                    onClick={() => revoke(key.id)}
                    aria-label={`Revoke ${key.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
