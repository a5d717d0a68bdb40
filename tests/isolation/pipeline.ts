import { NextRequest } from "next/server";
import { GET as resolveTenancy } from "@/app/api/internal/tenancy/resolve/route";
import { resetEnvCache } from "@/lib/env";
import { middleware } from "@/middleware";

// A request as production serves it, in-process: middleware.ts first (host →
// tenant, internal headers stripped and set), then the route handler with the
// request headers the middleware chose. Tests that need the middleware's
// behaviour (hosts, spoofed headers) send every request through here.

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type PipelineRequest = {
  method: string;
  /** The path after /api/v1 as a client would send it: percent-encoded, with its query string. */
  path: string;
  /** The route's pattern, e.g. /tenants/{id}/config: Next fills the handler's params from it. */
  pattern: string;
  headers?: HeadersInit;
  body?: string;
  /** What comes before `path`: /api/v1 unless said (e.g. /api/internal/tls for the TLS edge's ask endpoint). */
  prefix?: string;
};

const INTERNAL_ORIGIN = "http://127.0.0.1:3999";
const TEST_SECRET = "isolation-and-fuzz-tests-secret-0123456789abcdef";
let restore: (() => void) | undefined;

/**
 * Points the middleware's tenant directory at the resolve route handler: the
 * middleware fetches `${LIVERY_INTERNAL_ORIGIN}/api/internal/tenancy/resolve`,
 * and this answers that fetch by calling the handler with the same headers
 * (the internal token included), as the real endpoint would. Returns a
 * function that puts fetch and the environment back.
 */
export function installPipeline(): () => void {
  if (restore) return restore;
  const saved = { origin: process.env.LIVERY_INTERNAL_ORIGIN, secret: process.env.NEXTAUTH_SECRET };
  process.env.LIVERY_INTERNAL_ORIGIN = INTERNAL_ORIGIN;
  // The middleware reads NEXTAUTH_SECRET from the environment directly; the app through getEnv().
  process.env.NEXTAUTH_SECRET ??= TEST_SECRET;
  resetEnvCache();
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${INTERNAL_ORIGIN}/api/internal/tenancy/resolve`)) return realFetch(input, init);
    return resolveTenancy(new NextRequest(url, { headers: init?.headers }));
  };
  restore = () => {
    globalThis.fetch = realFetch;
    for (const [name, value] of [
      ["LIVERY_INTERNAL_ORIGIN", saved.origin],
      ["NEXTAUTH_SECRET", saved.secret],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
    restore = undefined;
  };
  return restore;
}

/** The handler's params from the concrete path, decoded as Next decodes dynamic segments. */
export function paramsFor(pattern: string, path: string): Record<string, string> {
  const names = pattern.split("/");
  const values = path.split("?")[0]!.split("/");
  if (names.length !== values.length) throw new Error(`${path} does not match ${pattern}`);
  const params: Record<string, string> = {};
  names.forEach((segment, i) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name) params[name] = safeDecode(values[i]!);
    else if (segment !== values[i]) throw new Error(`${path} does not match ${pattern}`);
  });
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Applies the middleware's answer the way Next's router does
 * (next/dist/server/lib/router-utils/resolve-routes.js): with
 * `x-middleware-override-headers`, request headers not listed are dropped and
 * each listed one takes its `x-middleware-request-<name>` value.
 */
export function requestHeadersAfter(middlewareResponse: Response, original: Headers): Headers {
  const listed = middlewareResponse.headers.get("x-middleware-override-headers");
  if (listed === null) return new Headers(original);
  const keep = new Set(
    listed
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  );
  const headers = new Headers();
  for (const name of keep) {
    const value = middlewareResponse.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** The response headers the middleware adds to the app's answer (security headers, X-Request-Id). */
function passedOnHeaders(middlewareResponse: Response): [string, string][] {
  return [...middlewareResponse.headers].filter(([name]) => !name.startsWith("x-middleware-"));
}

/**
 * Sends one request through the middleware and, if it lets the request
 * through, the route handler. When the middleware answers itself (unknown
 * host, suspended tenant, X-Tenant-Slug naming another tenant), that answer is
 * the response, as in production.
 */
export async function send(handler: RouteHandler, request: PipelineRequest): Promise<Response> {
  installPipeline();
  const host = new Headers(request.headers).get("host") ?? "localhost";
  const url = `http://${safeUrlHost(host)}${request.prefix ?? "/api/v1"}${request.path}`;
  const clientHeaders = new Headers(request.headers);
  // The middleware reads only the URL and headers; the body goes to the handler.
  const early = await middleware(new NextRequest(url, { method: request.method, headers: clientHeaders }));
  if (early.headers.get("x-middleware-next") !== "1") return early;

  const headers = requestHeadersAfter(early, clientHeaders);
  const hasBody = request.body !== undefined && !["GET", "HEAD"].includes(request.method);
  const routed = new NextRequest(url, { method: request.method, headers, ...(hasBody ? { body: request.body } : {}) });
  const response = await handler(routed, { params: Promise.resolve(paramsFor(request.pattern, request.path)) });
  const merged = new Headers(passedOnHeaders(early));
  for (const [name, value] of response.headers) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/**
 * The URL's authority only has to parse: the middleware and the app read the
 * Host header, as behind a real server, where the URL is built from it too.
 * A hostile Host header that would not parse as a URL authority is still
 * sent as the header.
 */
function safeUrlHost(host: string): string {
  try {
    return new URL(`http://${host}/`).host;
  } catch {
    return "localhost";
  }
}

export type PipelineResult = { status: number; text: string; json: unknown; headers: Headers };

/** send(), with the body read: JSON when it parses, else null. */
export async function sendAndRead(handler: RouteHandler, request: PipelineRequest): Promise<PipelineResult> {
  const response = await send(handler, request);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, text, json, headers: response.headers };
}
