import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { cache } from "react";
import type { UserRole } from "@/lib/db/generated/prisma/enums";
import { withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { getRequestTenantId } from "@/lib/tenancy/current";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  tenantId: string | null;
  /** Set when a super-admin opened this tenant's portal ("Open as admin"): when that session ends (epoch ms). */
  actingUntil?: number;
};

/** What an acting super-admin may do in the tenant: what its admins may. */
export const ACTING_ROLE = "ADMIN" satisfies UserRole;

type Claims = { userId?: string; role?: string; tenantId?: string | null; sv?: number; actingUntil?: number };

/**
 * The signed-in user, if the session belongs here. A session is bound to the
 * host it was made on: a tenant user's session counts only on its tenant's
 * host, a super-admin's only on the platform host, whichever host the cookie
 * is presented to. It also ends when the user's session version moves on
 * (sign out everywhere, password change) or the user is gone.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { claims?: Claims } | null;
  return verifyClaims(session?.claims, await getRequestTenantId());
});

/**
 * The same check for a route handler, from the request's own cookie (the REST
 * API reads the session this way so it needs no Next request context).
 */
export function getSessionUserFromRequest(request: NextRequest, requestTenantId: string | null): Promise<SessionUser | null> {
  return getSessionUserFromCookies(Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value])), requestTenantId);
}

/**
 * The session in these cookies, checked as above. Only the cookie counts:
 * next-auth's getToken would also take a session token from an
 * `Authorization: Bearer` header, which is an API key's place.
 */
export async function getSessionUserFromCookies(
  cookies: Record<string, string>,
  requestTenantId: string | null,
): Promise<SessionUser | null> {
  const options = authOptions();
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as NextRequest,
    secret: options.secret,
    secureCookie: options.useSecureCookies,
  });
  if (!token) return null;
  return verifyClaims(
    {
      userId: token.sub,
      role: token.role as string,
      tenantId: token.tenantId as string | null,
      sv: token.sv as number,
      actingUntil: token.actingUntil as number | undefined,
    },
    requestTenantId,
  );
}

async function verifyClaims(claims: Claims | undefined, requestTenantId: string | null): Promise<SessionUser | null> {
  if (!claims?.userId || typeof claims.sv !== "number") return null;
  if ((claims.tenantId ?? null) !== requestTenantId) return null;
  if (claims.actingUntil !== undefined) return verifyActingClaims(claims, requestTenantId);

  const userId = claims.userId;
  const user = requestTenantId
    ? await withTenant(requestTenantId, (tx) => tx.user.findFirst({ where: { id: userId, tenantId: requestTenantId } }))
    : await withPlatform((tx) => tx.user.findFirst({ where: { id: userId, tenantId: null, role: "SUPER_ADMIN" } }));
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenantId: user.tenantId };
}

/**
 * A super-admin's acting session on a tenant host (lib/admin/acting.ts): for
 * that tenant only, until its fixed end, and only while the platform account
 * is still a super-admin with the same session version (so signing out
 * everywhere on the platform ends it too).
 */
async function verifyActingClaims(claims: Claims, requestTenantId: string | null): Promise<SessionUser | null> {
  const { userId, actingUntil } = claims;
  if (!requestTenantId || !userId || typeof actingUntil !== "number" || Date.now() >= actingUntil) return null;
  const user = await withPlatform((tx) => tx.user.findFirst({ where: { id: userId, tenantId: null, role: "SUPER_ADMIN" } }));
  if (!user || user.sessionVersion !== claims.sv) return null;
  // A principal of this one tenant with an admin's permissions: never the
  // platform's (platform routes and actions refuse it), never an owner's.
  return { id: user.id, email: user.email, name: user.name, role: ACTING_ROLE, tenantId: requestTenantId, actingUntil };
}

export function userCan(user: SessionUser | null, permission: Permission): boolean {
  return !!user && can(user.role, permission);
}
