"use client";

import { useState, useTransition } from "react";
import { revokeApiKeyAction, rotateApiKeyAction } from "@/lib/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/entry-points/result";
import type { KeyRow } from "./api-keys-client";
import type { Revealed } from "@/components/keys/secret-reveal";

const GRACE_HOURS = [0, 1, 24, 72] as const;
const graceLabel = (h: number) => (h === 0 ? "None: revoke the old secret now" : h === 1 ? "1 hour" : `${h} hours`);

/**
 * Revoke and rotate for one live key (a rotation chain), each behind a
 * confirmation dialog; the server checks write:keys again. Revoking ends the
 * previous secret too.
 */
export function KeyActions({ row, onRotated }: { row: KeyRow; onRotated: (r: Revealed) => void }) {
  const [open, setOpen] = useState<"revoke" | "rotate" | null>(null);
  const [grace, setGrace] = useState(24);
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const toast = useToast();
  const previous = row.previousSecret;
  const close = () => {
    setOpen(null);
    setResult(null);
  };

  const revoke = () =>
    start(async () => {
      const outcome = await revokeApiKeyAction({ keyId: row.id });
      if (!outcome.ok) return setResult(outcome);
      toast(outcome.message);
      close();
    });

  const rotate = () =>
    start(async () => {
      const outcome = await rotateApiKeyAction({ keyId: row.id, gracePeriodHours: grace });
      if (!outcome.ok || !outcome.data) return setResult(outcome);
      const graceEnd = new Date(Date.now() + grace * 3_600_000);
      const expires = row.expiresAt ? new Date(row.expiresAt) : null;
      const until = grace === 0 ? null : (expires && expires < graceEnd ? expires : graceEnd).toISOString();
      toast(outcome.message);
      close();
      onRotated({ name: outcome.data.name, secret: outcome.data.secret, oldKeyUntil: until });
    });

  return (
    <div className="flex gap-2">
      <Button variant="secondary" onClick={() => setOpen("rotate")} aria-label={`Rotate ${row.name}`}>
        Rotate
      </Button>
      <Button variant="danger" onClick={() => setOpen("revoke")} aria-label={`Revoke ${row.name}`}>
        Revoke
      </Button>
      <Dialog open={open === "revoke"} onClose={close} title={`Revoke “${row.name}”?`}>
        <p className="text-sm">
          Every request with this key ({row.prefix}…){previous && <> or its previous secret ({previous.prefix}…)</>} is refused
          from the next call on, on every server. This cannot be undone.
        </p>
        <FormMessage result={result} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={revoke} pending={pending}>
            Revoke key
          </Button>
        </div>
      </Dialog>
      <Dialog open={open === "rotate"} onClose={close} title={`Rotate “${row.name}”?`}>
        <p className="text-sm">
          A new secret with the same permissions and expiry replaces this one. The old secret can keep working for a while so your
          deployments can switch over.
          {previous && (
            <> A key keeps one previous secret at most: the one it has now ({previous.prefix}…) stops working at once.</>
          )}
        </p>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Old secret keeps working for
          <select
            value={grace}
            onChange={(e) => setGrace(Number(e.target.value))}
            className="rounded-md border border-line bg-surface px-3 py-2 font-normal text-fg"
          >
            {GRACE_HOURS.map((h) => (
              <option key={h} value={h}>
                {graceLabel(h)}
              </option>
            ))}
          </select>
        </label>
        <FormMessage result={result} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button onClick={rotate} pending={pending}>
            Rotate key
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
