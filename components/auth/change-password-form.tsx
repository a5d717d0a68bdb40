"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="flex flex-col gap-4">
      <Field
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={state?.fieldErrors?.currentPassword}
      />
      <Field
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password (12 characters or more)"
        autoComplete="new-password"
        required
        minLength={12}
        error={state?.fieldErrors?.newPassword}
      />
      <FormMessage result={state} />
      <Button type="submit" pending={pending} className="self-start">
        Change password
      </Button>
    </form>
  );
}
