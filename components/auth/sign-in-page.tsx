import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInForm } from "./sign-in-form";

/** The sign-in screen of one host: the platform's, or a tenant's in its brand. */
export async function SignInPage({
  title,
  subtitle,
  callbackUrl,
}: {
  title: string;
  subtitle: string;
  callbackUrl?: string | string[];
}) {
  const target = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(target);
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-sm flex-col justify-center gap-6 px-6 py-16">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-sm text-fg-muted">{subtitle}</p>
      </div>
      <SignInForm callbackUrl={target} />
    </main>
  );
}
