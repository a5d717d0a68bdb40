import "server-only";
import { auditLabelOf } from "@/lib/auth/member";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/audit/record";
import { type KnownKey, lookUpApiKey, touchApiKey } from "@/lib/api-keys/lookup";
import { getSessionUserFromRequest, type SessionUser } from "@/lib/auth/session";
import { unauthenticated } from "@/lib/http/errors";

/** Who is calling: a tenant's key, a platform key, or a browser session. */
export type Principal =
  | { kind: "tenant_key"; key: Extract<KnownKey, { kind: "tenant" }> }
  | { kind: "platform_key"; key: Extract<KnownKey, { kind: "platform" }> }
  | { kind: "session"; user: SessionUser };

/**
 * Authenticates a request. A bearer key wins over a cookie; a malformed,
 * unknown, revoked or expired key is refused with its own code rather than
 * falling back to the session, so a client always learns what is wrong.
 */
export async function authenticate(request: NextRequest, hostTenantId: string | null): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated("invalid_api_key", "Send the key as `Authorization: Bearer <key>`.");
    const key = await lookUpApiKey(match[1]!);
    if (!key) throw unauthenticated("invalid_api_key", "This API key is not valid.");
    if (key.revokedAt && key.revokedAt.getTime() <= Date.now()) {
      throw unauthenticated("api_key_revoked", "This API key has been revoked.");
    }
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
      throw unauthenticated("api_key_expired", "This API key has expired.");
    }
    touchApiKey(key);
    return key.kind === "tenant" ? { kind: "tenant_key", key } : { kind: "platform_key", key };
  }
  const user = await getSessionUserFromRequest(request, hostTenantId);
  return user ? { kind: "session", user } : null;
}

export function actorOf(principal: Principal, ip: string | null, userAgent: string | null): Actor {
  const where = { ip, userAgent };
  switch (principal.kind) {
    case "tenant_key":
      return {
        type: "TENANT_API_KEY",
        id: principal.key.id,
        label: `${principal.key.name} (${principal.key.prefix}…)`,
        ...where,
      };
    case "platform_key":
      return {
        type: "PLATFORM_API_KEY",
        id: principal.key.id,
        label: `${principal.key.name} (${principal.key.prefix}…)`,
        ...where,
      };
    case "session":
      return { type: "USER", id: principal.user.id, label: auditLabelOf(principal.user), ...where };
  }
}

/** A platform key, or a super-admin's own session on the platform host (an acting session is a tenant's principal). */
export function isPlatformPrincipal(principal: Principal): boolean {
  if (principal.kind === "platform_key") return true;
  const { user } = principal.kind === "session" ? principal : { user: null };
  return !!user && user.role === "SUPER_ADMIN" && user.tenantId === null && user.actingUntil === undefined;
}
