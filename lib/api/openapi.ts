import { z } from "zod";
import { ALL_ROUTES } from "./routes";
import type { RouteSpec } from "./spec";

const COMMON_ERRORS: Record<number, string> = {
  400: "Malformed request (`invalid_json`, `tenant_required`)",
  401: "Missing or bad credentials (`unauthenticated`, `invalid_api_key` for an unknown, revoked or expired key alike)",
  403: "Refused (`insufficient_permissions`, `tenant_mismatch`, `tenant_suspended`, `feature_disabled`, `plan_required`, `ip_not_allowed`, `limit_exceeded`, `cross_origin`)",
  404: "`not_found`: absent, or another tenant's",
  413: "`payload_too_large`: body over 1 MB",
  415: "`unsupported_media_type`: body not JSON",
  422: "`validation_failed`: `details` lists each field path and message",
  429: "`rate_limited`: see Retry-After",
};

const errorEnvelope = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "requestId"],
      properties: {
        code: { type: "string" },
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
  return [...path, ...query];
}

function operation(route: RouteSpec) {
  const responses: Record<string, unknown> = {
    [route.success.status]: {
      description: route.success.description,
      ...(route.success.schema
        ? { content: { "application/json": { schema: jsonSchema(route.success.schema, "output") } } }
        : {}),
    },
  };
  const statuses =
    route.access === "public"
      ? [400, 404, 422]
      : route.body
        ? Object.keys(COMMON_ERRORS).map(Number)
        : [400, 401, 403, 404, 422, 429];
  for (const status of statuses) {
    responses[status] = {
      description: COMMON_ERRORS[status],
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  if (route.errors?.includes("conflict")) {
    responses[409] = {
      description: "`conflict`",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === "public" ? { security: [] } : {}),
    ...(route.permission ? { "x-permission": route.permission } : {}),
    "x-access": route.access,
    parameters: parameters(route),
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } }
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
