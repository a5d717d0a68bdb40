import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AcceptInvitationForm } from "@/components/members/accept-invitation-form";
import { findUsableInvitation } from "@/lib/members/service";
import { getRequestBrand } from "@/lib/tenancy/current";

export const metadata: Metadata = { title: "Join", robots: { index: false } };

export default async function AcceptInvitation({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, brand] = await Promise.all([params, getRequestBrand()]);
  if (!brand) notFound();
  const invitation = await findUsableInvitation(brand.tenantId, token);
  return (
    <div data-tenant-portal>
      <main className="mx-auto flex min-h-screen w-full max-w-sm flex-col justify-center gap-6 px-6 py-16">
        {invitation ? (
          <>
            <div className="flex flex-col gap-1">
              <h1 className="text-2xl font-bold">Join {brand.name}</h1>
              <p className="text-sm text-fg-muted">You were invited as {invitation.role.toLowerCase()}.</p>
            </div>
            <AcceptInvitationForm token={token} email={invitation.email} />
          </>
        ) : (
          <div className="flex flex-col gap-2">
            <h1 className="text-2xl font-bold">This invitation cannot be used</h1>
            <p className="text-fg-muted">
              It has expired, was already used or was withdrawn. Ask an administrator of {brand.name} for a new one.
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
