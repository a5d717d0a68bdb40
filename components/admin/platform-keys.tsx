"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createPlatformKeyAction, revokePlatformKeyAction } from "@/lib/platform-keys/actions";
import { RevocableKeyList } from "@/components/keys/revocable-key-list";
import { SecretReveal } from "@/components/keys/secret-reveal";
import { Field } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/entry-points/result";
import type { PlatformKeyView } from "@/lib/platform-keys/service";

/** Platform keys: create (the secret once, with a copy button) and revoke. */
export function PlatformKeys({ keys }: { keys: PlatformKeyView[] }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ name: string; secret: string }> | null>(null);
  const create = (form: FormData) =>
    startTransition(async () => {
      const expires = String(form.get("expiresAt") ?? "");
      const outcome = await createPlatformKeyAction({
        name: String(form.get("name") ?? ""),
        ...(expires ? { expiresAt: expires } : {}),
      });
      setResult(outcome);
      if (outcome.ok) {
        toast(outcome.message);
        router.refresh();
      }
    });
  const revoke = (id: string) =>
    startTransition(async () => {
      const outcome = await revokePlatformKeyAction({ keyId: id });
      toast(outcome.message, outcome.ok ? "success" : "error");
      if (outcome.ok) router.refresh();
    });
  return (
    <div className="flex flex-col gap-6">
      {result?.ok && result.data ? (
        <SecretReveal
          revealed={result.data}
          onDone={() => setResult(null)}
          ifLost="if you lose it, revoke the key and create another"
        />
      ) : (
        <form
          action={create}
          noValidate
          aria-label="Create a platform key"
          className="flex flex-col gap-4 rounded-lg border border-line p-4 sm:max-w-xl"
        >
          <Field id="platform-key-name" name="name" label="Key name" error={result?.fieldErrors?.name} />
          <Field
            id="platform-key-expires"
            name="expiresAt"
            type="date"
            label="Expires on (optional)"
            error={result?.fieldErrors?.expiresAt}
          />
          {result && !result.ok && <FormMessage result={result} />}
          <div>
            <Button type="submit" pending={pending}>
              Create platform key
            </Button>
          </div>
        </form>
      )}
      {keys.length === 0 ? (
        <EmptyState data-testid="platform-keys-empty">
          No platform keys yet. The PLATFORM_API_KEY variable, if set, is not listed.
        </EmptyState>
      ) : (
        <RevocableKeyList
          keys={keys.map((key) => ({ ...key, permissions: [] }))}
          testId="platform-keys"
          rowTestId={(key) => `platform-key-${key.name}`}
          pending={pending}
          onRevoke={revoke}
        />
      )}
    </div>
  );
}
