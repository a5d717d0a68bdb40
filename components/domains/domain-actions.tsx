"use client";

import { useState, useTransition } from "react";
import { addDomainAction, removeDomainAction, verifyDomainAction } from "@/lib/domains/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/entry-points/result";
import { FormMessage } from "@/components/ui/form-message";

/** Verify (pending, verified, lapsing) or renew (lapsed, expired: claimed again), and remove. */
export function DomainActions({ domainId, hostname, renew }: { domainId: string; hostname: string; renew: boolean }) {
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const check = async () => {
    if (!renew) return verifyDomainAction({ domainId });
    const form = new FormData();
    form.set("hostname", hostname);
    return addDomainAction(null, form);
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button variant="secondary" pending={pending && !confirming} onClick={() => start(async () => setResult(await check()))}>
          {renew ? "Renew" : "Verify"}
        </Button>
        <Button
          variant="danger"
          pending={pending && confirming}
          onClick={() =>
            confirming ? start(async () => setResult(await removeDomainAction({ domainId }))) : setConfirming(true)
          }
        >
          {confirming ? `Confirm removing ${hostname}` : "Remove"}
        </Button>
      </div>
      <FormMessage result={result} />
    </div>
  );
}
