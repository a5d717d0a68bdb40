import { type NextRequest, NextResponse } from "next/server";
import { allowedOrigin, corsHeaders, frameAncestors, preflightResponse } from "@/lib/tenancy/allowed-origins";
import { type DirectoryTenant, TenantDirectory } from "@/lib/tenancy/directory";
import { API_PREFIX, matchApiRoute, routeRefusal } from "@/lib/api/route-table";
import type { ErrorCode } from "@/lib/http/error-codes";
import {
  CLIENT_TENANT_SLUG_HEADER,
  REQUEST_ID_HEADER,
  TENANT_HINT_SLUG_HEADER,
  TENANT_ID_HEADER,
  TENANT_SLUG_HEADER,
} from "@/lib/tenancy/headers";
import { parseHost } from "@/lib/tenancy/host";
import { hostErrorResponse } from "@/lib/tenancy/host-responses";
import { stripInternalHeaders } from "@/lib/tenancy/internal-headers";
import { INTERNAL_TOKEN_HEADER, internalToken } from "@/lib/tenancy/internal-token";
import { NONCE_HEADER, baseSecurityHeaders, contentSecurityPolicy, createNonce } from "@/lib/tenancy/security-headers";

// Edge middleware: host → tenant. See docs/tenancy.md for the design.

const HOST_INDEPENDENT_PATHS = new Set(["/api/health", "/api/ready"]);
const INTERNAL_PREFIX = "/api/internal/";

function rootDomain(): string {
  return (process.env.ROOT_DOMAIN ?? "").trim().toLowerCase().replace(/\.$/, "") || "localhost";
}

/** This instance's own address: the resolve endpoint must be reached directly, not through a load balancer. */
function internalOrigin(request: NextRequest): string {
  return process.env.LIVERY_INTERNAL_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? (request.nextUrl.port || "3000")}`;
}

let directory: TenantDirectory | undefined;

function tenantDirectory(origin: string): TenantDirectory {
  directory ??= new TenantDirectory({
    lookup: async (host) => {
      const secret = process.env.NEXTAUTH_SECRET;
      if (!secret) throw new Error("NEXTAUTH_SECRET is not set for the middleware (start the app with npm run dev or npm start)");
      const response = await fetch(`${origin}${INTERNAL_PREFIX}tenancy/resolve?host=${encodeURIComponent(host)}`, {
        headers: { [INTERNAL_TOKEN_HEADER]: await internalToken(secret) },
        cache: "no-store",
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`tenant resolver answered ${response.status}`);
      return ((await response.json()) as { tenant: DirectoryTenant }).tenant;
    },
  });
  return directory;
}

type PassOptions = {
  page: boolean;
  /** The tenant's allowed domains: who may frame its pages. */
  allowedDomains?: readonly string[];
  /** CORS headers for an allowed cross-origin API call. */
  cors?: Record<string, string>;
  /** Served on a tenant's own domain: HSTS without includeSubDomains. */
  customDomain?: boolean;
};

function pass(headers: Headers, requestId: string, options: PassOptions): NextResponse {
  // Pages get a fresh nonce; Next reads it from the request's CSP header and
  // puts it on its own scripts, the root layout on its <style> elements.
  let policy: string | undefined;
  const framable = (options.allowedDomains?.length ?? 0) > 0;
  if (options.page) {
    const nonce = createNonce();
    policy = contentSecurityPolicy(nonce, {
      dev: process.env.NODE_ENV === "development",
      frameAncestors: frameAncestors(options.allowedDomains ?? []),
    });
    headers.set(NONCE_HEADER, nonce);
    headers.set("content-security-policy", policy);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("X-Request-Id", requestId);
  if (policy) response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(options.cors ?? {})) response.headers.set(name, value);
  const production = process.env.NODE_ENV === "production";
  for (const [name, value] of Object.entries(
    baseSecurityHeaders({ production, framable: options.page && framable, customDomain: options.customDomain }),
  )) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

export async function middleware(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const path = request.nextUrl.pathname;
  const headers = stripInternalHeaders(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // next-auth builds its origin from X-Forwarded-Host; it must be the host
  // this request was resolved for, never one the client picked.
  const host = request.headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  else headers.delete("x-forwarded-host");

  if (path.startsWith(INTERNAL_PREFIX)) {
    const token = request.headers.get(INTERNAL_TOKEN_HEADER);
    if (token) headers.set(INTERNAL_TOKEN_HEADER, token);
    return pass(headers, requestId, { page: false });
  }
  if (HOST_INDEPENDENT_PATHS.has(path)) return pass(headers, requestId, { page: false });

  const api = path.startsWith("/api/");
  // Unknown API paths and methods get the JSON envelope (not Next's HTML 404
  // or empty 405), before any directory lookup: a scanner's junk costs nothing.
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
    const found = matchApiRoute(path, request.method);
    if (found.kind !== "route") return routeRefusal(found, requestId);
  }
  const target = parseHost(request.headers.get("host"), rootDomain());
  if (target.kind === "invalid") return hostErrorResponse("tenant_not_found", { api, requestId });
  const requestedSlug = request.headers.get(CLIENT_TENANT_SLUG_HEADER)?.trim().toLowerCase() || null;

  if (target.kind === "platform") {
    // Precedence 3: an API client on the platform host may name a tenant. It
    // is passed on unjudged, as a hint the API layer resolves after the
    // credential (so, without one, the answer is 401 whatever the slug, and
    // tells nobody which tenants exist or are suspended). Pages ignore it.
    if (api && requestedSlug) {
      headers.set(TENANT_HINT_SLUG_HEADER, requestedSlug.slice(0, 100));
      return pass(headers, requestId, { page: false });
    }
    return pass(headers, requestId, { page: !api });
  }

  // Precedence 1 and 2: a verified custom domain or a subdomain. A header
  // naming another tenant is refused, never a silent switch.
  const tenant = await lookUp(target.host, request, requestId);
  if (tenant instanceof Response) return tenant;
  if (!tenant || tenant.status === "SUSPENDED") return refusal(tenant, { api, requestId });
  if (requestedSlug && requestedSlug !== tenant.slug) return hostErrorResponse("tenant_mismatch", { api, requestId });

  headers.set(TENANT_ID_HEADER, tenant.id);
  headers.set(TENANT_SLUG_HEADER, tenant.slug);
  const allowedDomains = tenant.allowedDomains ?? [];
  if (api) {
    // CORS for the tenant's REST API, with API keys only: a browser on an
    // allowed origin may send a key (preflight) and read the answer.
    const origin = allowedOrigin(request.headers.get("origin"), allowedDomains);
    if (request.method === "OPTIONS" && request.headers.has("access-control-request-method")) {
      return preflightResponse(origin, requestId);
    }
    const withKey = request.headers.has("authorization");
    const cors = origin && withKey ? corsHeaders(origin) : undefined;
    return pass(headers, requestId, { page: false, cors, customDomain: target.kind === "custom" });
  }
  // Uploaded brand images set their own, stricter headers.
  return pass(headers, requestId, {
    page: !path.startsWith("/brand-assets/"),
    allowedDomains,
    customDomain: target.kind === "custom",
  });
}

async function lookUp(host: string, request: NextRequest, requestId: string): Promise<DirectoryTenant | null | Response> {
  try {
    return await tenantDirectory(internalOrigin(request)).resolve(host);
  } catch (error) {
    console.error(`[middleware] tenant resolution failed for request ${requestId}:`, error);
    return Response.json(
      {
        error: {
          code: "service_unavailable" satisfies ErrorCode,
          message: "The tenant directory is unavailable; try again shortly.",
          requestId,
        },
      },
      { status: 503, headers: { "Retry-After": "5", "X-Request-Id": requestId } },
    );
  }
}

function refusal(tenant: DirectoryTenant | null, options: { api: boolean; requestId: string }): Response {
  return tenant
    ? hostErrorResponse("tenant_suspended", { ...options, tenantName: tenant.name })
    : hostErrorResponse("tenant_not_found", options);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
