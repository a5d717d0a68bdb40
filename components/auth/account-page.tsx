import { redirect } from "next/navigation";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutButtons } from "./sign-out-buttons";

/** The signed-in user's own page, on the platform host or a tenant's. */
export async function AccountPage({ where }: { where: string }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/account");
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-10 px-6 py-12">
      <header className="flex flex-col gap-1">
        <p className="text-sm font-medium text-accent">{where}</p>
        <h1 className="text-3xl font-bold" data-testid="account-name">
          {user.name}
        </h1>
        <p className="text-fg-muted">
          {user.email} · <span data-testid="account-role">{user.role.replace("_", " ").toLowerCase()}</span>
        </p>
      </header>
      <section aria-labelledby="permissions" className="flex flex-col gap-3">
        <h2 id="permissions" className="text-lg font-semibold">
          What you can do
        </h2>
        <ul className="flex flex-wrap gap-2" data-testid="permissions">
          {ROLE_PERMISSIONS[user.role].map((permission) => (
            <li key={permission} className="rounded-md bg-surface-muted px-2 py-1 font-mono text-xs">
              {permission}
            </li>
          ))}
        </ul>
      </section>
      {user.actingUntil !== undefined ? (
        <section aria-labelledby="acting" className="flex flex-col gap-3">
          <h2 id="acting" className="text-lg font-semibold">
            Acting as a super-admin
          </h2>
          <p className="text-sm text-fg-muted">
            You opened this portal from the platform. Your password and sessions are managed on the platform host; use the banner
            at the top to leave.
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="password" className="flex flex-col gap-3">
            <h2 id="password" className="text-lg font-semibold">
              Password
            </h2>
            <ChangePasswordForm />
          </section>
          <section aria-labelledby="sessions" className="flex flex-col gap-3">
            <h2 id="sessions" className="text-lg font-semibold">
              Sessions
            </h2>
            <p className="text-sm text-fg-muted">Signing out everywhere ends your sessions on every device, this one included.</p>
            <SignOutButtons />
          </section>
        </>
      )}
    </main>
  );
}
