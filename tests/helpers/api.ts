import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import type { RouteSpec } from "@/lib/api/spec";
import { generateApiKeySecret, displayPrefix, hashApiKey } from "@/lib/api-keys/keys";
import type { Permission } from "@/lib/auth/permissions";
import { withPlatform } from "@/lib/db/platform";
import { getEnv } from "@/lib/env";
import { TENANT_HINT_SLUG_HEADER, TENANT_ID_HEADER, TENANT_SLUG_HEADER } from "@/lib/tenancy/headers";
import { contractProblem } from "./contract";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  /** The tenant the middleware resolved from the host, if any (otherwise the platform host). */
  host?: { id: string; slug: string };
  /** What the middleware passes on for `X-Tenant-Slug` on the platform host. */
  hint?: { slug: string };
  key?: string;
  cookie?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

// Response bodies are asserted field by field in tests; `any` keeps that terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CallResult = { status: number; body: any; headers: Headers };

/**
 * Calls a route handler as Next would after the middleware ran: the tenant
 * headers are the ones the middleware sets, everything else is the client's.
 */
export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const hostname = options.host ? `${options.host.slug}.localhost` : "localhost";
  const url = new URL(`http://${hostname}:3000/api/v1${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers = new Headers({ host: `${hostname}:3000`, "x-request-id": crypto.randomUUID(), ...options.headers });
  if (options.host) {
    headers.set(TENANT_ID_HEADER, options.host.id);
    headers.set(TENANT_SLUG_HEADER, options.host.slug);
  }
  if (options.hint) {
    headers.set(TENANT_HINT_SLUG_HEADER, options.hint.slug);
  }
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new NextRequest(url, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const result = { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  // Route handlers carry their spec (lib/api/handler.ts): every answer is held to the route's contract.
  const spec = (handler as Handler & { options?: Partial<RouteSpec> }).options;
  // Tenant keys and sessions are rate limited, platform keys are not (lib/api/handler.ts).
  const rateLimited = options.key ? !options.key.startsWith("lvp_") : options.cookie !== undefined;
  const problem = spec?.path && spec.method ? contractProblem(spec as RouteSpec, result, { rateLimited }) : null;
  if (problem) throw new Error(problem);
  return result;
}

/** A tenant API key straight in the database; returns its secret. */
export async function createTestApiKey(
  tenantId: string,
  permissions: readonly Permission[],
  extra: { expiresAt?: Date; revokedAt?: Date; rateLimitPerMinute?: number; name?: string } = {},
): Promise<{ id: string; secret: string }> {
  const secret = generateApiKeySecret("tenant");
  const row = await withPlatform((tx) =>
    tx.tenantApiKey.create({
      data: {
        tenantId,
        name: extra.name ?? "test key",
        prefix: displayPrefix(secret),
        hash: hashApiKey(secret),
        permissions: [...permissions],
        expiresAt: extra.expiresAt,
        revokedAt: extra.revokedAt,
        rateLimitPerMinute: extra.rateLimitPerMinute,
      },
    }),
  );
  return { id: row.id, secret };
}

export async function createTestPlatformKey(): Promise<string> {
  const secret = generateApiKeySecret("platform");
  await withPlatform((tx) =>
    tx.platformApiKey.create({
      data: { name: "test platform key", prefix: displayPrefix(secret), hash: hashApiKey(secret), permissions: [] },
    }),
  );
  return secret;
}

/** A session cookie as next-auth would set it after signing this user in. */
export async function sessionCookie(user: {
  id: string;
  role: string;
  tenantId: string | null;
  sessionVersion: number;
  /** A super-admin's acting session in tenantId ("Open as admin"), ending then (epoch ms). */
  actingUntil?: number;
}): Promise<string> {
  const acting = user.actingUntil === undefined ? {} : { actingUntil: user.actingUntil };
  const token = await encode({
    secret: getEnv().NEXTAUTH_SECRET,
    token: { sub: user.id, role: user.role, tenantId: user.tenantId, sv: user.sessionVersion, ...acting },
  });
  return `next-auth.session-token=${token}`;
}
