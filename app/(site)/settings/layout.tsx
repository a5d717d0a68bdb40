import { notFound, redirect } from "next/navigation";
import { QueryProvider } from "@/components/providers/query-provider";
import { PortalNav } from "@/components/tenant/portal-nav";
import { SettingsNav } from "@/components/tenant/settings-nav";
import { SETTINGS_SECTIONS } from "@/components/tenant/settings-sections";
import { ToastProvider } from "@/components/ui/toast";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getRequestBrand } from "@/lib/tenancy/current";

// The frame of every settings page: the portal's navigation, the sections the
// user's role may open, and TanStack Query for the pages that poll. Each page
// still checks its own permission (requireTenantPage): layouts do not run on
// every navigation, so they cannot be the access check.
export default async function SettingsLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const brand = await getRequestBrand();
  if (!brand) notFound();
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings");
  const visible = SETTINGS_SECTIONS.filter((s) => can(user.role, s.permission)).map((s) => s.href);
  return (
    // In the brand's colours, but not under [data-tenant-portal]: the tenant's
    // custom CSS styles the portal, never the screens that edit it, so a bad
    // stylesheet cannot hide the way to fix it (and the branding preview shows
    // only the unsaved CSS).
    <div className="min-h-screen">
      <PortalNav tenantName={brand.name} current="settings" />
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-6 py-8 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <SettingsNav visible={visible} />
        </aside>
        <main className="flex min-w-0 flex-1 flex-col gap-8">
          <QueryProvider>
            <ToastProvider>{children}</ToastProvider>
          </QueryProvider>
        </main>
      </div>
    </div>
  );
}
