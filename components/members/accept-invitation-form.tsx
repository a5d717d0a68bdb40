"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { acceptInvitationAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const password = useRef("");
  const [state, action, pending] = useActionState(acceptInvitationAction, null);

  // Once the account exists, sign in with what was just typed.
  useEffect(() => {
    if (!state?.ok) return;
    void signIn("credentials", { redirect: false, email, password: password.current }).then((result) => {
      router.push(result?.ok ? "/account" : "/sign-in");
      router.refresh();
    });
  }, [state, email, router]);

  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <Field id="invite-accept-email" label="Email" value={email} readOnly />
      <Field id="name" name="name" label="Your name" autoComplete="name" required error={state?.fieldErrors?.name} />
      <Field
        id="password"
        name="password"
        type="password"
        label="Choose a password (12 characters or more)"
        autoComplete="new-password"
        required
        minLength={12}
        onChange={(e) => (password.current = e.target.value)}
        error={state?.fieldErrors?.password}
      />
      <FormMessage result={state} />
      <Button type="submit" pending={pending || !!state?.ok}>
        Join
      </Button>
    </form>
  );
}
