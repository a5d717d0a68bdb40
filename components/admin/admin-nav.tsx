"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/tenants", label: "Tenants" },
  { href: "/admin/keys", label: "Platform keys" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** The dashboard's sections; the current one is marked for screen readers and by colour. */
export function AdminNav() {
  const pathname = usePathname();
  const current = (href: string) => (href === "/admin" ? pathname === "/admin" : pathname.startsWith(href));
  return (
    <nav aria-label="Admin" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1 py-1">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={current(section.href) ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 text-sm whitespace-nowrap text-fg-muted hover:bg-surface-muted hover:text-fg aria-[current=page]:bg-brand aria-[current=page]:text-brand-foreground"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
