"use client";

import { useState, useTransition } from "react";
import { removeDomainAction, verifyDomainAction } from "@/lib/domains/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/entry-points/result";
import { FormMessage } from "@/components/ui/form-message";

export function DomainActions({ domainId, hostname }: { domainId: string; hostname: string }) {
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button
          variant="secondary"
          pending={pending && !confirming}
          onClick={() => start(async () => setResult(await verifyDomainAction({ domainId })))}
        >
          Verify
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
