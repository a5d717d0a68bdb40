import type { RouteSpec } from "./spec";

/**
 * The response headers the OpenAPI document declares, per route and status,
 * and that the contract check (tests/helpers/contract.ts) requires on the
 * answers, so the document cannot promise a header the server does not send.
 */
export type DeclaredHeader = {
  name: string;
  description: string;
  schema: { type: "string" | "integer" };
  /** Sent on every such answer; otherwise only to rate-limited credentials (not platform keys). */
  always: boolean;
};

const REQUEST_ID: DeclaredHeader = {
  name: "X-Request-Id",
  description: "This request's id, also in every error's `requestId`; quote it when reporting a problem.",
  schema: { type: "string" },
  always: true,
};

const RATE_LIMIT: DeclaredHeader[] = [
  ["RateLimit-Limit", "Requests allowed per minute for this tenant (or this key, when it has a lower rate of its own)."],
  ["RateLimit-Remaining", "Requests left in the current window."],
  ["RateLimit-Reset", "Seconds until the window resets."],
].map(([name, what]) => ({
  name: name!,
  description: `${what} Sent to tenant keys and sessions; platform keys are not rate limited and get none.`,
  schema: { type: "integer" },
  always: false,
}));

const RETRY_AFTER: DeclaredHeader = {
  name: "Retry-After",
  description: "Seconds to wait before trying again.",
  schema: { type: "integer" },
  always: true,
};

export function declaredHeaders(route: Pick<RouteSpec, "access">, status: number): DeclaredHeader[] {
  const headers = [REQUEST_ID];
  if (route.access === "tenant" && (status < 300 || status === 429)) headers.push(...RATE_LIMIT);
  if (status === 429 || status === 503) headers.push(RETRY_AFTER);
  return headers;
}

/** The `headers` object of an OpenAPI response. */
export function openApiHeaders(route: Pick<RouteSpec, "access">, status: number) {
  return Object.fromEntries(
    declaredHeaders(route, status).map((header) => [
      header.name,
      { description: header.description, required: header.always, schema: header.schema },
    ]),
  );
}
