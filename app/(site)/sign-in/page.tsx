import type { Metadata } from "next";
import { SignInPage } from "@/components/auth/sign-in-page";
import { getRequestBrand } from "@/lib/tenancy/current";

export const metadata: Metadata = { title: "Sign in" };

// Super-admins sign in on the platform host, tenant users on their tenant's
// host, in its brand; a session is only valid on the host it was made on.
export default async function SignIn({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ callbackUrl, error }, brand] = await Promise.all([searchParams, getRequestBrand()]);
  if (!brand) {
    return (
      <SignInPage title="Sign in to Livery" subtitle="Platform administrators only." callbackUrl={callbackUrl} error={error} />
    );
  }
  return (
    <div data-tenant-portal>
      <SignInPage
        title={`Sign in to ${brand.name}`}
        subtitle="Use the account your administrator gave you."
        callbackUrl={callbackUrl}
        error={error}
      />
    </div>
  );
}
