"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";

export function SignOutButtons() {
  const [signingOut, setSigningOut] = useState(false);
  const [everywhere, startEverywhere] = useTransition();
  return (
    <div className="flex flex-wrap gap-3">
      <Button
        variant="secondary"
        pending={signingOut}
        onClick={() => {
          setSigningOut(true);
          void signOut({ callbackUrl: "/sign-in" });
        }}
      >
        Sign out
      </Button>
      <Button
        variant="danger"
        pending={everywhere}
        onClick={() => startEverywhere(async () => void (await signOutEverywhereAction({})))}
      >
        Sign out everywhere
      </Button>
    </div>
  );
}
