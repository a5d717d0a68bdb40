"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { activateTenantAction, deleteTenantAction, suspendTenantAction } from "@/lib/tenants/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { DANGER_DARK } from "@/components/admin/ui-classes";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/entry-points/result";

type Props = { tenantId: string; slug: string; name: string; status: "ACTIVE" | "SUSPENDED" };
type Open = "suspend" | "activate" | "delete" | null;

/** Suspend (with a required reason), activate and delete (type the slug), each confirmed in a dialog. */
export function StatusActions({ tenantId, slug, name, status }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  const close = () => {
    setOpen(null);
    setResult(null);
  };
  const run = (work: () => Promise<ActionResult>, after?: () => void) =>
    startTransition(async () => {
      const outcome = await work();
      setResult(outcome);
      if (!outcome.ok) return;
      toast(outcome.message);
      close();
      if (after) after();
      else router.refresh();
    });

  return (
    <div className="flex flex-wrap gap-2">
      {status === "ACTIVE" ? (
        <Button variant="secondary" onClick={() => setOpen("suspend")}>
          Suspend
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => setOpen("activate")}>
          Activate
        </Button>
      )}
      <Button variant="danger" className={DANGER_DARK} onClick={() => setOpen("delete")}>
        Delete
      </Button>

      <Dialog open={open === "suspend"} onClose={close} title={`Suspend ${name}?`}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
            run(() => suspendTenantAction({ tenantId, reason }));
          }}
        >
          <p className="text-sm text-fg-muted">Its portal and API refuse every request at once, until it is activated again.</p>
          <div className="flex flex-col gap-1">
            <label htmlFor="suspend-reason" className="text-sm font-medium">
              Reason (recorded in the audit log)
            </label>
            <textarea
              id="suspend-reason"
              name="reason"
              required
              maxLength={500}
              rows={3}
              aria-invalid={result?.fieldErrors?.reason ? true : undefined}
              aria-describedby={result?.fieldErrors?.reason ? "suspend-reason-error" : undefined}
              className="rounded-md border border-line bg-surface px-3 py-2 text-fg"
            />
            {result?.fieldErrors?.reason && (
              <p id="suspend-reason-error" className="text-sm text-red-700 dark:text-red-400">
                The reason {result.fieldErrors.reason}.
              </p>
            )}
          </div>
          {result && !result.ok && !result.fieldErrors?.reason && <FormMessage result={result} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" className={DANGER_DARK} pending={pending}>
              Suspend tenant
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={open === "activate"} onClose={close} title={`Activate ${name}?`}>
        <p className="text-sm text-fg-muted">Its portal and API serve requests again at once.</p>
        {result && !result.ok && <FormMessage result={result} />}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="button" pending={pending} onClick={() => run(() => activateTenantAction({ tenantId }))}>
            Activate tenant
          </Button>
        </div>
      </Dialog>

      <Dialog open={open === "delete"} onClose={close} title={`Delete ${name}?`}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const typed = String(new FormData(event.currentTarget).get("confirm-slug") ?? "");
            run(
              () => deleteTenantAction({ tenantId, slug: typed }),
              () => router.push("/admin/tenants"),
            );
          }}
        >
          <p className="text-sm text-fg-muted">
            This deletes the tenant and everything it owns — members, API keys, domains, content, usage and its own audit log —
            for good. Its keys stop working at once. One platform audit entry remains.
          </p>
          <Field
            id="confirm-slug"
            name="confirm-slug"
            label={`Type ${slug} to confirm`}
            autoComplete="off"
            spellCheck={false}
            error={result?.fieldErrors?.slug ? `The slug ${result.fieldErrors.slug}.` : undefined}
          />
          {result && !result.ok && !result.fieldErrors?.slug && <FormMessage result={result} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" className={DANGER_DARK} pending={pending}>
              Delete tenant
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
