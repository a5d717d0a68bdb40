import "server-only";
import { auditLabelOf } from "@/lib/auth/member";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/audit/record";
import { type KnownKey, lookUpApiKey, touchApiKey } from "@/lib/api-keys/lookup";
import { refuseApiKey, refusalOf } from "@/lib/api-keys/refusals";
import { getSessionUserFromRequest, type SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

/** Who is calling: a tenant's key, a platform key, or a browser session. */
export type Principal =
  | { kind: "tenant_key"; key: Extract<KnownKey, { kind: "tenant" }> }
  | { kind: "platform_key"; key: Extract<KnownKey, { kind: "platform" }> }
  | { kind: "session"; user: SessionUser };

/**
 * Authenticates a request. A bearer key wins over a cookie. A malformed,
 * unknown, revoked or expired key is refused rather than falling back to the
 * session, and with one answer (401 `invalid_api_key`): the reason goes to
 * the key owner's audit log, not to the caller; past a per-client number of
 * invalid keys the answer is 429 (lib/api-keys/refusals.ts).
 */
export async function authenticate(request: NextRequest, hostTenantId: string | null): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const caller = {
      ip: clientIp(request.headers.get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS),
      userAgent: request.headers.get("user-agent"),
    };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw await refuseApiKey(null, "malformed", caller);
    const key = await lookUpApiKey(match[1]!);
    if (!key) throw await refuseApiKey(null, "unknown", caller);
    const refusal = refusalOf(key, new Date());
    if (refusal) throw await refuseApiKey(key, refusal, caller);
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
