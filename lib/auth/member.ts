import type { SessionUser } from "./session";

/**
 * The user's own row in the tenant (for "created by" and "invited by"), or
 * null for a super-admin acting there, who is not a member: the audit log
 * still names them.
 */
export function memberIdOf(user: SessionUser): string | null {
  return user.tenantId && user.actingUntil === undefined ? user.id : null;
}

/** How the audit log names a signed-in user: a super-admin acting in a tenant is named as themself, and says so. */
export function auditLabelOf(user: { email: string; actingUntil?: number }): string {
  return user.actingUntil === undefined ? user.email : `${user.email} (super-admin)`;
}
