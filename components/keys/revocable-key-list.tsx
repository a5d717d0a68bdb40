"use client";

import { useState } from "react";
import { DANGER_DARK } from "@/components/admin/ui-classes";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { isLive, KeyCard, type KeyCardData } from "./key-card";

/**
 * Keys with a Revoke button on each live one, confirmed in a dialog (the
 * dashboard's tenant keys and platform keys; the tenant's settings add rotate).
 */
export function RevocableKeyList({
  keys,
  testId,
  rowTestId,
  pending,
  onRevoke,
}: {
  keys: KeyCardData[];
  testId: string;
  rowTestId: (key: KeyCardData) => string;
  pending: boolean;
  onRevoke: (keyId: string) => void;
}) {
  const [confirming, setConfirming] = useState<KeyCardData | null>(null);
  return (
    <>
      <ul className="flex flex-col gap-3" data-testid={testId}>
        {keys.map((key) => (
          <KeyCard
            key={key.id}
            data={key}
            testId={rowTestId(key)}
            actions={
              isLive(key) && (
                <Button
                  variant="danger"
                  className={DANGER_DARK}
                  onClick={() => setConfirming(key)}
                  aria-label={`Revoke ${key.name}`}
                >
                  Revoke
                </Button>
              )
            }
          />
        ))}
      </ul>
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} title={`Revoke “${confirming?.name ?? ""}”?`}>
        <p className="text-sm">
          Every request with this key ({confirming?.prefix}…)
          {confirming?.previousSecret && <> or its previous secret ({confirming.previousSecret.prefix}…)</>} is refused from the
          next call on, on every server. This cannot be undone.
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(null)} autoFocus>
            Cancel
          </Button>
          <Button
            variant="danger"
            className={DANGER_DARK}
            pending={pending}
            onClick={() => {
              if (confirming) onRevoke(confirming.id);
              setConfirming(null);
            }}
          >
            Revoke key
          </Button>
        </div>
      </Dialog>
    </>
  );
}
