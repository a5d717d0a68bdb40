import type { UserRole } from "@/lib/db/generated/prisma/enums";

/**
 * Every permission in Livery. Pages, Server Actions and the REST API check
 * the same names, and API keys are scoped with them.
 */
export const PERMISSIONS = [
  "read:content",
  "write:content",
  "read:config",
  "write:config",
  "read:keys",
  "write:keys",
  "read:usage",
  "read:audit",
  "read:members",
  "write:members",
  "manage:ownership",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const TENANT_ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly UserRole[];
export type TenantRole = (typeof TENANT_ROLES)[number];

const READ = ["read:content", "read:config", "read:usage", "read:members"] as const satisfies readonly Permission[];

/** What each role may do in its own tenant. Super-admins may do everything, in every tenant. */
export const ROLE_PERMISSIONS = {
  SUPER_ADMIN: PERMISSIONS,
  OWNER: PERMISSIONS,
  ADMIN: PERMISSIONS.filter((p) => p !== "manage:ownership"),
  MEMBER: [...READ, "write:content"],
  VIEWER: READ,
} as const satisfies Record<UserRole, readonly Permission[]>;

export function can(role: UserRole, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
