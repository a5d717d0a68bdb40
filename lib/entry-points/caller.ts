import "server-only";
import { cookies, headers } from "next/headers";
import { getSessionUserFromCookies, type SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { REQUEST_ID_HEADER, TENANT_ID_HEADER } from "@/lib/tenancy/headers";

/**
 * Who is asking, as every browser entry point sees it: the tenant the
 * middleware resolved from the host (null on the platform host), the session
 * bound to that host, and the address and agent the audit log records. Read
 * from Next's request context, which Server Actions and route handlers share.
 */
export type Caller = {
  hostTenantId: string | null;
  /** The Host header, for the Node layer's re-check that the tenant is still served there (unset in tests). */
  host?: string | null;
  user: SessionUser | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
};

export async function currentCaller(): Promise<Caller> {
  const h = await headers();
  // Set by the middleware only: client-sent x-tenant-* headers are stripped.
  const hostTenantId = h.get(TENANT_ID_HEADER);
  const jar = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  return {
    hostTenantId,
    host: h.get("host"),
    user: await getSessionUserFromCookies(jar, hostTenantId),
    ip: clientIp(h.get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS),
    userAgent: h.get("user-agent"),
    requestId: h.get(REQUEST_ID_HEADER) ?? crypto.randomUUID(),
  };
}

/** The address the request came from, as the REST API would see it (null when no proxy is trusted). */
export async function requestIp(): Promise<string | null> {
  return clientIp((await headers()).get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS);
}
