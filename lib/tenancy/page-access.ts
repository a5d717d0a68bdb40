import "server-only";
import { notFound, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Brand } from "@/lib/branding/brand";
import { getRequestBrand } from "./current";

/**
 * For a tenant page: the tenant's brand and the signed-in user, who must hold
 * `permission`. Signed out → the sign-in page, back here afterwards; on the
 * platform host, or without the permission → 404 (the page does not exist for
 * them). Server Actions check again on their own: a page's check is not theirs.
 */
export async function requireTenantPage(path: string, permission: Permission): Promise<{ brand: Brand; user: SessionUser }> {
  const brand = await getRequestBrand();
  if (!brand) notFound();
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(user.role, permission)) notFound();
  return { brand, user };
}
