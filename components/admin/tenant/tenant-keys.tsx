"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTenantKeyAction, revokeTenantKeyAction } from "@/lib/api-keys/actions";
import type { KeyCardData } from "@/components/keys/key-card";
import { RevocableKeyList } from "@/components/keys/revocable-key-list";
import { SecretReveal } from "@/components/keys/secret-reveal";
import { Field } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/entry-points/result";

export type KeyRow = KeyCardData;

/** A tenant's API keys: create (the secret is shown once, with a copy button) and revoke. */
export function TenantKeys({ tenantId, keys }: { tenantId: string; keys: KeyRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ secret: string; name: string }> | null>(null);

  const create = (form: FormData) =>
    startTransition(async () => {
      const permissions = PERMISSIONS.filter((p) => form.get(`perm-${p}`) === "on");
      const outcome = await createTenantKeyAction({ tenantId, name: String(form.get("name") ?? ""), permissions });
      setResult(outcome);
      if (outcome.ok) {
        toast(outcome.message);
        router.refresh();
      }
    });
  const revoke = (keyId: string) =>
    startTransition(async () => {
      const outcome = await revokeTenantKeyAction({ tenantId, keyId });
      toast(outcome.message, outcome.ok ? "success" : "error");
      if (outcome.ok) router.refresh();
    });

  return (
    <div className="flex flex-col gap-6">
      {result?.ok && result.data ? (
        <SecretReveal revealed={result.data} onDone={() => setResult(null)} />
      ) : (
        <form action={create} className="flex flex-col gap-4 rounded-lg border border-line p-4" aria-label="Create an API key">
          <Field id="key-name" name="name" label="Key name" required maxLength={100} error={result?.fieldErrors?.name} />
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
        <EmptyState data-testid="keys-empty">This tenant has no API keys yet.</EmptyState>
      ) : (
        <RevocableKeyList
          keys={keys}
          testId="tenant-keys"
          rowTestId={(key) => `key-${key.name}`}
          pending={pending}
          onRevoke={revoke}
        />
      )}
    </div>
  );
}
