"use client";

import { useState, useTransition } from "react";
import { openAsAdminAction } from "@/lib/tenants/actions";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/** Opens the tenant's own settings on its host, in an acting session the portal announces with a banner. */
export function OpenAsAdmin({ tenantId, disabled }: { tenantId: string; disabled: boolean }) {
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        pending={pending}
        disabled={disabled}
        title={disabled ? "A suspended tenant's portal cannot be opened" : undefined}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await openAsAdminAction({ tenantId });
            if (!result.ok || !result.data) {
              setError(result.message);
              return;
            }
            toast(result.message);
            window.location.assign(result.data.url);
          })
        }
      >
        {pending ? "Opening…" : "Open as admin"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
