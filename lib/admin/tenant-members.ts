import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { listMembers } from "@/lib/members/service";

/**
 * A tenant's members and pending invitations through the members service.
 * The service reads the tenant from its actor; a super-admin may read every
 * tenant's members (ROLE_PERMISSIONS), so it runs as the super-admin in that tenant.
 */
export function listTenantMembers(superAdmin: SessionUser, tenantId: string) {
  return listMembers({ ...superAdmin, tenantId });
}
