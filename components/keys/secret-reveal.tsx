"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";

export type Revealed = { name: string; secret: string; oldKeyUntil?: string | null };

/**
 * A new secret, shown this once: it is stored only as a hash and cannot be
 * shown again. Used for tenant keys (settings and dashboard) and platform keys.
 */
export function SecretReveal({
  revealed,
  onDone,
  ifLost = "if you lose it, rotate the key",
}: {
  revealed: Revealed;
  onDone: () => void;
  /** What to do if the secret is lost, for the kind of key. */
  ifLost?: string;
}) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves to the secret so keyboard and screen-reader users land on it.
  useEffect(() => ref.current?.focus(), [revealed.secret]);
  const copy = async () => {
    await navigator.clipboard.writeText(revealed.secret);
    setCopied(true);
  };
  return (
    <div
      ref={ref}
      tabIndex={-1}
      data-testid="secret-reveal"
      className="flex flex-col gap-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="font-semibold">Copy the secret of “{revealed.name}” now</p>
      <p className="text-sm">This is the only time it is shown. Livery keeps only a hash of it: {ifLost}.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="secret" className="min-w-0 flex-1 rounded bg-white px-3 py-2 font-mono text-sm break-all text-black">
          {revealed.secret}
        </code>
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {revealed.oldKeyUntil !== undefined && (
        <p className="text-sm" data-testid="grace-note">
          {revealed.oldKeyUntil === null ? (
            "The old secret was revoked at once."
          ) : (
            <>
              The old secret keeps working until <LocalTime iso={revealed.oldKeyUntil} />, so you can switch over.
            </>
          )}
        </p>
      )}
      <span aria-live="polite" className="sr-only">
        {copied ? "Secret copied to the clipboard" : ""}
      </span>
      <div>
        <Button type="button" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </div>
  );
}
