"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  throttled: "Too many failed attempts. Wait 15 minutes, then try again.",
  CredentialsSignin: "Email or password is incorrect.",
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
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
      <Field id="email" name="email" type="email" label="Email" autoComplete="username" required autoFocus />
      <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
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
    </form>
  );
}
