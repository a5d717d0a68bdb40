import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { ToastProvider } from "@/components/ui/toast";
import { notFound } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { getSuperAdmin } from "@/lib/admin/access";
import { getRequestTenantId } from "@/lib/tenancy/current";

// The dashboard's frame. Each page checks access itself (requireSuperAdminPage):
// a layout does not run on every client-side navigation, so it cannot be the
// check. It refuses what it can answer here, outside any loading boundary, so
// the 404 is a real 404; a signed-out visitor gets no frame, and the page
// sends them to sign in with its own path as the way back.
export default async function AdminLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  if ((await getRequestTenantId()) !== null) notFound();
  const user = await getSuperAdmin();
  if (!user) {
    if (await getSessionUser()) notFound();
    return children;
  }
  return (
    <div className="min-h-screen">
      <header className="border-b border-line">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-3 sm:px-6 md:flex-row md:items-center md:justify-between">
          <div className="flex items-center justify-between gap-4">
            <Link href="/admin" className="font-semibold">
              Livery <span className="text-fg-muted">admin</span>
            </Link>
            <Link href="/account" className="text-sm text-fg-muted underline-offset-4 hover:underline md:hidden">
              {user.email}
            </Link>
          </div>
          <AdminNav />
          <Link href="/account" className="hidden text-sm text-fg-muted underline-offset-4 hover:underline md:block">
            {user.email}
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-8">
        <ToastProvider>{children}</ToastProvider>
      </main>
    </div>
  );
}
