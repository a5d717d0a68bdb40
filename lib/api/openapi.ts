import { z } from "zod";
import { ERROR_CODE_LIST, ERROR_CODES, type ErrorCode } from "@/lib/http/error-codes";
import { openApiHeaders } from "./response-headers";
import { ALL_ROUTES } from "./routes";
import type { RouteSpec } from "./spec";

/**
 * The errors a route can answer with: those of its kind (credentials,
 * tenant, body) and the ones it declares (`errors`), grouped by status, each
 * with the catalogue's description (lib/http/error-codes.ts).
 */
// The middleware answers the first four for any path on a tenant's host (decision 19).
const EVERY_ROUTE: readonly ErrorCode[] = [
  "tenant_not_found",
  "tenant_suspended",
  "tenant_mismatch",
  "service_unavailable",
  "validation_failed",
  "internal_error",
];
const CREDENTIALED: readonly ErrorCode[] = ["unauthenticated", "invalid_api_key", "insufficient_permissions"];
const ON_A_TENANT: readonly ErrorCode[] = [
  "tenant_required",
  "tenant_not_found",
  "tenant_mismatch",
  "tenant_suspended",
  "ip_not_allowed",
  "not_found",
  "rate_limited",
];
const WITH_A_BODY: readonly ErrorCode[] = ["invalid_json", "payload_too_large", "unsupported_media_type"];

export function documentedErrors(route: RouteSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>(EVERY_ROUTE);
  const add = (list: readonly ErrorCode[]) => list.forEach((code) => codes.add(code));
  if (route.access !== "public") add(CREDENTIALED);
  if (route.access === "tenant") add(ON_A_TENANT);
  if (route.path.includes("{")) codes.add("not_found");
  if (route.body) add(WITH_A_BODY);
  if (route.access !== "public" && route.method !== "GET") codes.add("cross_origin");
  add(route.errors ?? []);
  return ERROR_CODE_LIST.filter((code) => codes.has(code));
}

function errorResponses(route: RouteSpec): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of documentedErrors(route)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      {
        description: codes.map((code) => `\`${code}\`: ${ERROR_CODES[code].description}`).join(" "),
        headers: openApiHeaders(route, status),
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
}

const errorEnvelope = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "requestId"],
      properties: {
        code: { type: "string", enum: ERROR_CODE_LIST, description: "A stable code; docs/api.md lists them all" },
        message: { type: "string" },
        details: {},
        requestId: { type: "string" },
      },
    },
  },
} as const;

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const rest = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  delete rest.$schema;
  return rest;
}

function parameters(route: RouteSpec) {
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
    ...(name === route.tenantParam ? { description: "A tenant id, or `current` for the resolved tenant" } : {}),
  }));
  const query = route.query
    ? Object.entries((jsonSchema(route.query, "input").properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
        name,
        in: "query",
        required: false,
        schema,
      }))
    : [];
  // How a platform key or a super-admin names the tenant on the platform host (docs/api.md, "Which tenant").
  const tenantHeader =
    route.access === "tenant"
      ? [
          {
            name: "X-Tenant-Slug",
            in: "header",
            required: false,
            description:
              "The tenant to act on, by slug, on the platform host: for platform keys and super-admins. On a tenant's " +
              "host it must name that tenant; a tenant key may only name its own.",
            schema: { type: "string", maxLength: 63 },
          },
        ]
      : [];
  return [...path, ...query, ...tenantHeader];
}

/** The tags, declared with what each groups, in the order a reader meets them. */
const TAGS: { name: string; description: string }[] = [
  { name: "Meta", description: "The document itself and the calling tenant's own summary" },
  { name: "Tenants", description: "Create, read, change, suspend and delete tenants (the platform's operators)" },
  { name: "Config", description: "A tenant's branding, features, limits, security and payment settings" },
  { name: "API keys", description: "A tenant's API keys: scopes, expiry, rotation with a grace period, revocation" },
  { name: "Content", description: "A tenant's content items" },
  { name: "Usage", description: "Usage figures, externally measured events and limits in use" },
  { name: "Domains", description: "Custom domains: claim, verify by DNS, remove; their DNS and TLS status" },
  { name: "Audit", description: "The tenant's audit log" },
];

function operation(route: RouteSpec) {
  const content = route.success.schema
    ? { content: { "application/json": { schema: jsonSchema(route.success.schema, "output") } } }
    : {};
  const success = (status: number, description: string) => ({
    description,
    headers: openApiHeaders(route, status),
    ...content,
  });
  const responses: Record<string, unknown> = {
    [route.success.status]: success(route.success.status, route.success.description),
    ...(route.success.also
      ? { [route.success.also.status]: success(route.success.also.status, route.success.also.description) }
      : {}),
  };
  Object.assign(responses, errorResponses(route));
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === "public" ? { security: [] } : {}),
    ...(route.permission ? { "x-permission": route.permission } : {}),
    "x-access": route.access,
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            // An absent body reads as {}: a body whose fields all have defaults or are optional may be left out.
            required: !route.body.safeParse({}).success,
            content: { "application/json": { schema: jsonSchema(route.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, built from the route registry and its zod schemas. */
export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ALL_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "Livery API",
      version: "1.0.0",
      description:
        "Multi-tenant administration API. Every error is `{error: {code, message, details?, requestId}}`; every response carries X-Request-Id; tenant requests carry RateLimit-* headers.",
    },
    servers: [{ url: serverUrl }],
    tags: TAGS,
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A tenant key (`lv_…`) or a platform key (`lvp_…`)" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "A browser session, same-origin only",
        },
      },
      schemas: { Error: errorEnvelope },
    },
    paths,
  };
}
