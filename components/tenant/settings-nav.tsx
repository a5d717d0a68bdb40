"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SETTINGS_SECTIONS } from "./settings-sections";

/** The settings sections a role may open; the current one is marked for screen readers too. */
export function SettingsNav({ visible }: { visible: readonly string[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {SETTINGS_SECTIONS.filter((s) => visible.includes(s.href)).map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={pathname === section.href ? "page" : undefined}
          className="rounded-md px-3 py-2 text-sm whitespace-nowrap text-fg-muted hover:bg-surface-muted hover:text-fg aria-[current=page]:bg-surface-muted aria-[current=page]:font-medium aria-[current=page]:text-fg"
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
