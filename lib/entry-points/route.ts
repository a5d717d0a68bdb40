import "server-only";
import type { NextRequest } from "next/server";
import { toErrorResponse } from "@/lib/api/error-response";
import { getEnv } from "@/lib/env";
import { forbidden, notFound } from "@/lib/http/errors";
import { INTERNAL_TOKEN_HEADER, internalToken, tokensEqual } from "@/lib/tenancy/internal-token";
import { admit, type EntrySpec, type PublicContext, type TenantContext } from "./admit";
import { currentCaller } from "./caller";
import { registerEntry } from "./registry";

/**
 * Route handlers outside the REST API (the portal's upload and export, the
 * acting hand-off, brand images, the middleware's internal resolver) get the
 * same frame as Server Actions: admit, then the handler; refusals and
 * failures become the JSON error envelope with the request id. Changes made
 * with a session cookie must come from this host's own pages.
 */
type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<C> = (args: { ctx: C; request: NextRequest; params: Record<string, string> }) => Promise<Response>;
type RouteFn = (request: NextRequest, context: RouteContext) => Promise<Response>;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function flatParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}

function errorResponse(error: unknown, requestId: string): Response {
  const mapped = toErrorResponse(error, requestId);
  return Response.json(mapped.body, {
    status: mapped.status,
    headers: { ...mapped.headers, "X-Request-Id": requestId, "Cache-Control": "no-store" },
  });
}

function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "same-origin";
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

function build<C>(spec: EntrySpec, handler: Handler<C>): RouteFn {
  const route: RouteFn = async (request, context) => {
    const caller = await currentCaller();
    try {
      const ctx = await admit(spec as never, caller);
      if (spec.access !== "public" && MUTATING.has(request.method) && !sameOrigin(request)) {
        throw forbidden("cross_origin", "Changes must come from this portal's own pages.");
      }
      return await handler({ ctx: ctx as C, request, params: await flatParams(context) });
    } catch (error) {
      return errorResponse(error, caller.requestId);
    }
  };
  registerEntry(route, { kind: "route", ...spec });
  return route;
}

/** A tenant user's route on the host's tenant, with the permission it needs. */
export function tenantRoute(spec: Omit<Extract<EntrySpec, { access: "tenant" }>, "access">, handler: Handler<TenantContext>) {
  return build({ ...spec, access: "tenant" }, handler);
}

/** A route anyone may use on a tenant's host (brand images, the acting hand-off). */
export function publicRoute(spec: Omit<Extract<EntrySpec, { access: "public" }>, "access">, handler: Handler<PublicContext>) {
  return build({ ...spec, access: "public" }, handler);
}

/** The middleware's credential: a header carrying a token derived from NEXTAUTH_SECRET. */
async function presentsInternalToken(request: NextRequest): Promise<boolean> {
  const presented = request.headers.get(INTERNAL_TOKEN_HEADER) ?? "";
  return tokensEqual(presented, await internalToken(getEnv().NEXTAUTH_SECRET));
}

/**
 * An endpoint only this deployment's own parts may call: by default the
 * middleware (its tenant resolver), or whoever `authorized` accepts (the TLS
 * edge, whose `ask` request can carry a secret only in its query). Anyone
 * else gets the same 404 as for a path that does not exist.
 */
export function internalRoute(
  handler: (request: NextRequest) => Promise<Response>,
  authorized: (request: NextRequest) => boolean | Promise<boolean> = presentsInternalToken,
) {
  const route = async (request: NextRequest): Promise<Response> => {
    const requestId = crypto.randomUUID();
    if (!(await authorized(request))) {
      return errorResponse(notFound("The resource"), requestId);
    }
    try {
      return await handler(request);
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  registerEntry(route, { kind: "route", access: "internal" });
  return route;
}
