import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { getRequestTenantId } from "@/lib/tenancy/current";

/**
 * The super-admin signed in on the platform host, or null. getSessionUser
 * already returns a super-admin only on the platform host; the tenant check
 * here says so again, so a change there cannot open the dashboard to tenants.
 */
export async function getSuperAdmin(): Promise<SessionUser | null> {
  if ((await getRequestTenantId()) !== null) return null;
  const user = await getSessionUser();
  return user?.role === "SUPER_ADMIN" && user.tenantId === null ? user : null;
}

/**
 * For every /admin page (layouts do not run on each navigation, so each page
 * calls this itself): on a tenant host, or for anyone but a super-admin, the
 * page does not exist (404); signed out → the sign-in page and back.
 */
export async function requireSuperAdminPage(path: string): Promise<SessionUser> {
  if ((await getRequestTenantId()) !== null) notFound();
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (user.role !== "SUPER_ADMIN" || user.tenantId !== null) notFound();
  return user;
}
