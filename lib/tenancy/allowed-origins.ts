// Edge-safe. A tenant's `security.allowedDomains` made real: the web origins
// that may call its REST API from a browser with an API key (CORS), and that
// may frame its pages (CSP frame-ancestors). Each listed hostname allows
// https://<host> on the default port; localhost names (for development) also
// allow http:// and any port. Cookie sessions stay same-origin: no response
// ever carries Access-Control-Allow-Credentials.

function isLocal(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost");
}

/** The request's Origin when one of the tenant's allowed domains covers it exactly, else null. */
export function allowedOrigin(origin: string | null, allowedDomains: readonly string[]): string | null {
  if (!origin || allowedDomains.length === 0) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  // An Origin is scheme://host[:port] and nothing else; anything more is not one.
  if (url.origin !== origin || url.username || url.password) return null;
  const host = url.hostname;
  if (!allowedDomains.includes(host)) return null;
  if (isLocal(host)) return url.protocol === "http:" || url.protocol === "https:" ? origin : null;
  return url.protocol === "https:" && url.port === "" ? origin : null;
}

/** CSP source expressions for frame-ancestors: none listed means no framing at all. */
export function frameAncestors(allowedDomains: readonly string[]): string {
  if (allowedDomains.length === 0) return "'none'";
  const sources = allowedDomains.flatMap((host) =>
    isLocal(host) ? [`http://${host}:*`, `https://${host}:*`, `http://${host}`, `https://${host}`] : [`https://${host}`],
  );
  return sources.join(" ");
}

/** What every CORS answer of the API carries, besides the origin itself. */
export const CORS_EXPOSED_HEADERS = "X-Request-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";
const CORS_ALLOWED_HEADERS = "Authorization, Content-Type, X-Tenant-Slug";
const CORS_METHODS = "GET, POST, PUT, PATCH, DELETE";

/** The headers of an allowed cross-origin API response (actual request). */
export function corsHeaders(origin: string): Record<string, string> {
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS, Vary: "Origin" };
}

/**
 * The answer to a preflight (OPTIONS with Access-Control-Request-Method): 204
 * either way; only an allowed origin gets the Allow headers, so the browser
 * refuses everyone else before sending anything.
 */
export function preflightResponse(origin: string | null, requestId: string): Response {
  const headers = new Headers({ Vary: "Origin", "X-Request-Id": requestId, "Cache-Control": "no-store" });
  if (origin) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Methods", CORS_METHODS);
    headers.set("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS);
    headers.set("Access-Control-Max-Age", "600");
  }
  return new Response(null, { status: 204, headers });
}
