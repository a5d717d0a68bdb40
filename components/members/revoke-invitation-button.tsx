"use client";

import { useTransition } from "react";
import { revokeInvitationAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      pending={pending}
      aria-label={`Withdraw the invitation for ${email}`}
      onClick={() => start(() => revokeInvitationAction({ invitationId }).then(() => undefined))}
    >
      Withdraw
    </Button>
  );
}
