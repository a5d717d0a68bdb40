import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { ActingBanner } from "./acting-banner";

export type PortalSection = "members" | "settings" | "account";

/** Navigation for signed-in tenant users, under the acting banner when a super-admin opened the portal. */
export async function PortalNav({ tenantName, current }: { tenantName: string; current: PortalSection | "domains" }) {
  const active: PortalSection = current === "domains" ? "settings" : current;
  const link = (href: string, label: string, key: PortalSection) => (
    <Link
      href={href}
      aria-current={active === key ? "page" : undefined}
      // Text stays in the brand's own foreground colour (AA on the brand by
      // construction); the current page is marked by weight and an underline,
      // not a tint that could lower the contrast.
      className="rounded-md px-3 py-1.5 text-sm underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline"
    >
      {label}
    </Link>
  );
  const user = await getSessionUser();
  return (
    <>
      {user && <ActingBanner user={user} tenantName={tenantName} />}
      <header className="bg-brand text-brand-foreground">
        <nav aria-label="Portal" className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-6 py-3">
          <Link href="/" className="mr-4 font-semibold">
            {tenantName}
          </Link>
          {link("/members", "Members", "members")}
          {link("/settings", "Settings", "settings")}
          {link("/account", "Account", "account")}
        </nav>
      </header>
    </>
  );
}
