import type { Permission } from "@/lib/auth/permissions";

/** The tenant's settings pages, in menu order, with the permission that opens each. */
export const SETTINGS_SECTIONS = [
  { href: "/settings/branding", label: "Branding", permission: "read:config" },
  { href: "/settings/features", label: "Features", permission: "read:config" },
  { href: "/settings/api-keys", label: "API keys", permission: "read:keys" },
  { href: "/settings/usage", label: "Usage", permission: "read:usage" },
  { href: "/settings/security", label: "Security", permission: "read:config" },
  { href: "/settings/domains", label: "Domains", permission: "read:config" },
  { href: "/settings/audit-log", label: "Audit log", permission: "read:audit" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];
