"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const TENANT_TABS = [
  { slug: "", label: "Overview" },
  { slug: "config", label: "Configuration" },
  { slug: "domains", label: "Domains" },
  { slug: "keys", label: "API keys" },
  { slug: "usage", label: "Usage" },
  { slug: "members", label: "Members" },
  { slug: "audit", label: "Audit log" },
] as const;

/** The detail page's sections, each its own URL (shareable, back button works). */
export function TenantTabs({ tenantId }: { tenantId: string }) {
  const pathname = usePathname();
  const base = `/admin/tenants/${tenantId}`;
  return (
    <nav aria-label="Tenant sections" className="-mx-1 overflow-x-auto border-b border-line">
      <ul className="flex gap-1 px-1">
        {TENANT_TABS.map((tab) => {
          const href = tab.slug ? `${base}/${tab.slug}` : base;
          const current = pathname === href;
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className="-mb-px block border-b-2 border-transparent px-3 py-2 text-sm whitespace-nowrap text-fg-muted hover:text-fg aria-[current=page]:border-brand aria-[current=page]:font-medium aria-[current=page]:text-fg"
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
