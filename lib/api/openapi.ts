import { z } from "zod";
import { ERROR_CODE_LIST, ERROR_CODES, type ErrorCode } from "@/lib/http/error-codes";
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
  return [...path, ...query];
}

function operation(route: RouteSpec) {
  const content = route.success.schema
    ? { content: { "application/json": { schema: jsonSchema(route.success.schema, "output") } } }
    : {};
  const responses: Record<string, unknown> = {
    [route.success.status]: { description: route.success.description, ...content },
    ...(route.success.also ? { [route.success.also.status]: { description: route.success.also.description, ...content } } : {}),
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
