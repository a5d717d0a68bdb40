import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { oidcButtonLabel } from "@/lib/auth/oidc";
import { secureCookies } from "@/lib/auth/options";
import { openPendingLink, pendingLinkCookieName } from "@/lib/auth/pending-link";
import { getEnv } from "@/lib/env";
import { getRequestTenantId } from "@/lib/tenancy/current";
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
  const env = getEnv();
  const tenantId = await getRequestTenantId();
  // A single sign-on that found this host's account unlinked waits for its password (lib/auth/pending-link.ts).
  const pending = openPendingLink(env.NEXTAUTH_SECRET, (await cookies()).get(pendingLinkCookieName(secureCookies()))?.value);
  const linkEmail = pending?.tenantId === tenantId ? pending.email : undefined;
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-sm flex-col justify-center gap-6 px-6 py-16">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-sm text-fg-muted">{subtitle}</p>
      </div>
      {linkEmail && (
        <p role="status" className="rounded-md border border-line bg-surface-muted px-3 py-2 text-sm" data-testid="sso-link">
          {env.OIDC_NAME ?? "Single sign-on"} confirmed {linkEmail}. To use it with your account here, sign in with your password
          once; after that, single sign-on signs you in directly.
        </p>
      )}
      <SignInForm
        callbackUrl={target}
        ssoLabel={oidcButtonLabel(env, { tenantId })}
        initialError={typeof error === "string" ? error : undefined}
        initialEmail={linkEmail}
      />
    </main>
  );
}
