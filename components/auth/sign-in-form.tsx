"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  throttled: "Too many failed attempts. Wait a little, then try again: the wait grows with each failure.",
  busy: "Too many sign-ins at once right now. Try again in a few seconds.",
  CredentialsSignin: "Email or password is incorrect.",
  AccessDenied: "Single sign-on worked, but there is no account for that address here. Ask your administrator for an invitation.",
  OAuthSignin: "Single sign-on could not be started. Try again, or sign in with your password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or sign in with your password.",
  Callback: "Single sign-on did not complete. Try again, or sign in with your password.",
  ActingLink: "That admin link has been used or has expired. Open the tenant again from the platform's dashboard.",
};

export function SignInForm({
  callbackUrl,
  ssoLabel,
  initialError,
  initialEmail,
}: {
  callbackUrl: string;
  ssoLabel: string | null;
  initialError?: string;
  /** The address a single sign-on waiting to be linked confirmed. */
  initialEmail?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    initialError ? (MESSAGES[initialError] ?? "Signing in did not work. Try again.") : null,
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, email: form.get("email"), password: form.get("password") });
      if (!result?.ok || result.error) {
        setError(MESSAGES[result?.error ?? ""] ?? MESSAGES.CredentialsSignin!);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setError("Signing in failed. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        autoFocus={!initialEmail}
        defaultValue={initialEmail}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        autoFocus={!!initialEmail}
      />
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <Button type="submit" pending={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {ssoLabel && (
        <Button type="button" variant="secondary" onClick={() => void signIn("oidc", { callbackUrl })}>
          {ssoLabel}
        </Button>
      )}
    </form>
  );
}
