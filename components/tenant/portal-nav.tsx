import Link from "next/link";

/** Navigation for signed-in tenant users. */
export function PortalNav({ tenantName, current }: { tenantName: string; current: "members" | "domains" | "account" }) {
  const link = (href: string, label: string, key: typeof current) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className="rounded-md px-3 py-1.5 text-sm hover:bg-white/15 aria-[current=page]:bg-white/20"
    >
      {label}
    </Link>
  );
  return (
    <header className="bg-brand text-brand-foreground">
      <nav aria-label="Portal" className="mx-auto flex max-w-5xl items-center gap-2 px-6 py-3">
        <Link href="/" className="mr-4 font-semibold">
          {tenantName}
        </Link>
        {link("/members", "Members", "members")}
        {link("/settings/domains", "Domains", "domains")}
        {link("/account", "Account", "account")}
      </nav>
    </header>
  );
}
