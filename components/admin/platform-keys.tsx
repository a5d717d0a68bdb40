"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createPlatformKeyAction, revokePlatformKeyAction } from "@/app/(site)/admin/keys/actions";
import { CopyField } from "@/components/admin/copy-field";
import { TextField } from "@/components/admin/form-fields";
import { Empty } from "@/components/admin/ui";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DANGER_DARK } from "@/components/admin/ui-classes";
import { FormMessage } from "@/components/ui/form-message";
import { LocalTime } from "@/components/ui/local-time";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/http/action-result";
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
      const outcome = await revokePlatformKeyAction(id);
      toast(outcome.message, outcome.ok ? "success" : "error");
      if (outcome.ok) router.refresh();
    });
  return (
    <div className="flex flex-col gap-6">
      {result?.ok && result.data ? (
        <div className="flex flex-col gap-3 rounded-lg border-2 border-amber-500 p-4" data-testid="secret-reveal">
          <p className="font-semibold">Copy the secret of “{result.data.name}” now: it is shown only this once.</p>
          <CopyField value={result.data.secret} label="Platform key secret" testId="secret" />
          <div>
            <Button variant="secondary" onClick={() => setResult(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form
          action={create}
          noValidate
          aria-label="Create a platform key"
          className="flex flex-col gap-4 rounded-lg border border-line p-4 sm:max-w-xl"
        >
          <TextField id="platform-key-name" name="name" label="Key name" error={result?.fieldErrors?.name} />
          <TextField
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
        <Empty data-testid="platform-keys-empty">
          No platform keys yet. The PLATFORM_API_KEY variable, if set, is not listed.
        </Empty>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="platform-keys">
          {keys.map((key) => (
            <li
              key={key.id}
              className="flex flex-wrap items-center justify-between gap-3 p-3"
              data-testid={`platform-key-${key.name}`}
            >
              <div className="flex min-w-0 flex-col gap-1">
                <span className="font-medium break-words">
                  {key.name} <span className="font-mono text-xs text-fg-muted">{key.prefix}…</span>
                </span>
                <span className="text-xs text-fg-muted">
                  Created <LocalTime iso={key.createdAt} />
                  {key.expiresAt && (
                    <>
                      {" "}
                      · expires <LocalTime iso={key.expiresAt} />
                    </>
                  )}
                  {key.lastUsedAt && (
                    <>
                      {" "}
                      · last used <LocalTime iso={key.lastUsedAt} />
                    </>
                  )}
                </span>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={key.status === "active" ? "good" : "bad"}>{key.status}</Badge>
                {key.status === "active" && (
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
