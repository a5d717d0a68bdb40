import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { oidcButtonLabel } from "@/lib/auth/oidc";
import { getEnv } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

/** The sign-in screen of one host: the platform's, or a tenant's in its brand. */
export async function SignInPage({
  title,
  subtitle,
  callbackUrl,
  error,
}: {
  title: string;
  subtitle: string;
  callbackUrl?: string | string[];
  /** Set by next-auth when a sign-in came back refused (e.g. single sign-on for an unknown account). */
  error?: string | string[];
}) {
  const target = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(target);
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-sm flex-col justify-center gap-6 px-6 py-16">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-sm text-fg-muted">{subtitle}</p>
      </div>
      <SignInForm
        callbackUrl={target}
        ssoLabel={oidcButtonLabel(getEnv())}
        initialError={typeof error === "string" ? error : undefined}
      />
    </main>
  );
}
