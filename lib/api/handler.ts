import "server-only";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/audit/record";
import { can, type Permission } from "@/lib/auth/permissions";
import { ipAllowed } from "@/lib/config/ip-allowlist";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { type ErrorCode, forbidden, unauthenticated } from "@/lib/http/errors";
import { hitRateLimit, rateLimitHeaders } from "@/lib/rate-limit/limiter";
import { REQUEST_ID_HEADER } from "@/lib/tenancy/headers";
import type { TenantSnapshot } from "@/lib/tenants/status";
import { recordApiCall } from "@/lib/usage/meter";
import { queryObject, readJsonBody } from "./body";
import { toErrorResponse } from "./error-response";
import { actorOf, authenticate, isPlatformPrincipal, type Principal } from "./principal";
import { type Answer, type ApiOptions, type Context, Reply } from "./context";
import { resolveTenantScope } from "./tenant-scope";

export { type Answer, type ApiOptions, type Context, created, noContent, Reply, type RouteOptions, type Wire } from "./context";

/**
 * Who may call a route:
 * - "tenant": acts on one tenant (the host's, the key's, or `{id}` in the path);
 * - "platform": platform keys and super-admin sessions only;
 * - "authenticated": anyone with a valid credential;
 * - "public": no credential needed.
 */
export type Access = "tenant" | "platform" | "authenticated" | "public";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper every REST route goes through, in this order: request id →
 * credential → tenant match and status → permission → IP allowlist → rate
 * limit → same-origin check for cookie sessions → body and query validation →
 * the handler → usage metering → the error envelope. Handlers hold only their
 * own logic; anything they throw is mapped by toErrorResponse.
 */
export function api<const Spec extends ApiOptions>(
  options: Spec,
  handler: (context: Context<Spec>) => Promise<Answer<Spec>> | Answer<Spec>,
) {
  const route = async (request: NextRequest, routeContext?: RouteContext): Promise<Response> => {
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
    const headers: Record<string, string> = { "X-Request-Id": requestId, "Cache-Control": "no-store" };
    let meteredTenant: string | null = null;
    let requestBytes = 0;
    const finish = (status: number, data: unknown, extra: Record<string, string> = {}) => {
      const text = status === 204 ? null : JSON.stringify(data);
      if (meteredTenant && status >= 200 && status < 300) {
        recordApiCall(meteredTenant, requestBytes + (text ? Buffer.byteLength(text) : 0));
      }
      const init = { status, headers: { ...headers, ...extra } };
      return text === null
        ? new Response(null, init)
        : new Response(text, { ...init, headers: { ...init.headers, "Content-Type": "application/json" } });
    };

    try {
      const params = await flatParams(routeContext);
      const env = getEnv();
      const ip = clientIp(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
      const userAgent = request.headers.get("user-agent");
      const scope = await resolveTenantScope(request, params, options);
      const principal = options.access === "public" ? null : await authenticate(request, scope.hostTenantId);
      if (options.access !== "public" && !principal) {
        throw unauthenticated("unauthenticated", "Authenticate with `Authorization: Bearer <key>` or sign in.");
      }
      const actor: Actor = principal ? actorOf(principal, ip, userAgent) : { type: "SYSTEM", ip, userAgent };
      let tenant: TenantSnapshot | undefined;

      if (options.access === "platform" && principal && !isPlatformPrincipal(principal)) {
        throw forbidden("insufficient_permissions", "This route is for the platform's operators only.");
      }
      if (options.access === "tenant" && principal) {
        tenant = await scope.tenantFor(principal);
        if (options.permission && !allowed(principal, options.permission)) {
          throw forbidden("insufficient_permissions", `This credential lacks the \`${options.permission}\` permission.`);
        }
        if (principal.kind === "tenant_key" && tenant.ipAllowlist.length > 0) {
          if (!ipAllowed(ip, tenant.ipAllowlist)) {
            throw forbidden("ip_not_allowed", "This tenant accepts its API keys only from the addresses on its IP allowlist.");
          }
        }
        if (principal.kind !== "platform_key") {
          const decision = await hitRateLimit(`tenant:${tenant.id}`, tenant.limits.apiRatePerMinute);
          Object.assign(headers, rateLimitHeaders(decision));
          let refused = !decision.allowed;
          if (!refused && principal.kind === "tenant_key" && principal.key.rateLimitPerMinute) {
            // Per rotation chain: the old and the new secret of a rotating key share the key's own limit.
            const perKey = await hitRateLimit(`key:${principal.key.chainId}`, principal.key.rateLimitPerMinute);
            if (!perKey.allowed) Object.assign(headers, rateLimitHeaders(perKey));
            refused = !perKey.allowed;
          }
          if (refused) {
            return finish(429, envelope("rate_limited", "Too many requests; wait for the time in Retry-After.", requestId));
          }
        }
        meteredTenant = tenant.id;
      }
      if (principal?.kind === "session" && MUTATING.has(request.method) && !sameOrigin(request)) {
        throw forbidden("cross_origin", "Cookie-authenticated changes must come from this portal's own pages.");
      }

      let body: unknown;
      if (options.body) {
        const read = await readJsonBody(request);
        requestBytes = read.bytes;
        body = options.body.parse(read.value);
      }
      const query = options.query ? options.query.parse(queryObject(request.nextUrl.searchParams)) : undefined;

      // The checks above are what make this context true to its type: a
      // principal on every non-public route, a tenant on every tenant route,
      // a body and query that passed their schemas, the template's params.
      const context = { request, requestId, params, body, query, principal, actor, tenant } as unknown as Context<Spec>;
      const result = await handler(context);
      return result instanceof Reply ? finish(result.status, result.data, result.headers) : finish(200, result);
    } catch (error) {
      const mapped = toErrorResponse(error, requestId);
      return finish(mapped.status, mapped.body, mapped.headers);
    }
  };
  // The options travel with the handler so tests can match route files to the registry.
  return Object.assign(route, { options });
}

function envelope(code: ErrorCode, message: string, requestId: string) {
  return { error: { code, message, requestId } };
}

function allowed(principal: Principal, permission: Permission): boolean {
  switch (principal.kind) {
    case "platform_key":
      return true;
    case "tenant_key":
      return principal.key.permissions.includes(permission);
    case "session":
      return can(principal.user.role, permission);
  }
}

/** Browsers send Origin on every cross-origin and same-origin POST; Sec-Fetch-Site where Origin is absent. */
function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}

async function flatParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}
