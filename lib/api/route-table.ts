// Edge-safe (types only imported): the middleware reads it.
import type { ErrorCode } from "@/lib/http/error-codes";

/**
 * The REST API's paths (relative to /api/v1, OpenAPI `{param}` syntax) and
 * their methods, so the middleware can answer an unknown path with the JSON
 * 404 and a known path with the wrong method with a JSON 405 and `Allow`
 * (Next's own answers are an HTML page and an empty 405). A unit test keeps
 * it equal to the route registry (lib/api/routes), which the edge cannot
 * import.
 */
export const API_ROUTE_TABLE: Record<string, readonly string[]> = {
  "/openapi.json": ["GET"],
  "/tenants": ["GET", "POST"],
  "/tenants/current/info": ["GET"],
  "/tenants/{id}": ["GET", "PATCH", "DELETE"],
  "/tenants/{id}/suspend": ["POST"],
  "/tenants/{id}/activate": ["POST"],
  "/tenants/{id}/config": ["GET", "PATCH"],
  "/tenants/{id}/limits": ["GET"],
  "/tenants/{id}/usage": ["GET"],
  "/tenants/{id}/usage/events": ["POST"],
  "/tenants/{id}/audit-log": ["GET"],
  "/tenants/{id}/api-keys": ["GET", "POST"],
  "/tenants/{id}/api-keys/{keyId}": ["DELETE"],
  "/tenants/{id}/api-keys/{keyId}/rotate": ["POST"],
  "/tenants/{id}/domains": ["GET", "POST"],
  "/tenants/{id}/domains/{domainId}": ["DELETE"],
  "/tenants/{id}/domains/{domainId}/verify": ["POST"],
  "/content": ["GET", "POST"],
  "/content/{id}": ["GET", "PATCH", "DELETE"],
};

const TEMPLATES = Object.entries(API_ROUTE_TABLE).map(([template, methods]) => ({
  segments: template.split("/").slice(1),
  methods,
}));

export const API_PREFIX = "/api/v1";

/**
 * What a request under /api/v1 finds: "route" when its path and method exist,
 * "no_path" when no route has this path, "no_method" (with the methods the
 * path has) when it exists with other methods. HEAD goes where GET does;
 * OPTIONS is the CORS preflight, answered elsewhere.
 */
export function matchApiRoute(
  path: string,
  method: string,
): { kind: "route" } | { kind: "no_path" } | { kind: "no_method"; allow: string[] } {
  const segments = path.slice(API_PREFIX.length).replace(/\/$/, "").split("/").slice(1);
  const allowed = new Set<string>();
  for (const template of TEMPLATES) {
    if (template.segments.length !== segments.length) continue;
    const fits = template.segments.every((part, i) => (part.startsWith("{") ? segments[i] !== "" : part === segments[i]));
    if (fits) template.methods.forEach((m) => allowed.add(m));
  }
  if (allowed.size === 0) return { kind: "no_path" };
  if (allowed.has("GET")) allowed.add("HEAD");
  if (method === "OPTIONS" || allowed.has(method)) return { kind: "route" };
  return { kind: "no_method", allow: [...allowed] };
}

/** The JSON answer for a request `matchApiRoute` did not find a route for. */
export function routeRefusal(found: { kind: "no_path" } | { kind: "no_method"; allow: string[] }, requestId: string): Response {
  const headers: Record<string, string> = { "X-Request-Id": requestId, "Cache-Control": "no-store" };
  if (found.kind === "no_path") {
    const message = "There is no API route at this path; GET /api/v1/openapi.json lists them all.";
    const code: ErrorCode = "not_found";
    return Response.json({ error: { code, message, requestId } }, { status: 404, headers });
  }
  const allow = found.allow.join(", ");
  const message = `This path answers ${allow} only.`;
  return Response.json(
    { error: { code: "method_not_allowed" satisfies ErrorCode, message, requestId } },
    { status: 405, headers: { ...headers, Allow: allow } },
  );
}
