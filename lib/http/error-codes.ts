// Edge-safe (no imports): the middleware answers with these codes too.

/**
 * Every error code Livery answers with, over the REST API, from the
 * middleware and in Server Action results: its HTTP status and what it means
 * to a client. `ApiError` only accepts a code from here, with its status;
 * the OpenAPI document's `code` enum, each route's documented errors and
 * docs/api.md's table (`npm run docs:api`) are generated from it.
 */
export const ERROR_CODES = {
  invalid_json: { status: 400, description: "The body is not valid JSON." },
  tenant_required: {
    status: 400,
    description: "The request needs a tenant: call it on the tenant's host, or name the tenant (X-Tenant-Slug or the path).",
  },
  unauthenticated: { status: 401, description: "No credential was sent, or the session has ended." },
  invalid_api_key: {
    status: 401,
    description: "The API key is malformed, unknown, revoked or expired; the answer does not say which.",
  },
  insufficient_permissions: { status: 403, description: "The credential or role lacks the permission the route declares." },
  tenant_mismatch: {
    status: 403,
    description: "The credential, the host, X-Tenant-Slug or the path name different tenants; nothing is switched silently.",
  },
  tenant_suspended: {
    status: 403,
    description: "The tenant is suspended; its portal and API refuse requests until reactivated.",
  },
  feature_disabled: { status: 403, description: "The tenant's plan includes the feature, but it is switched off." },
  plan_required: { status: 403, description: "The tenant's plan does not include this; the message names the plan that does." },
  limit_exceeded: {
    status: 403,
    description: "The change would exceed one of the plan's limits (users, keys, content, domains…).",
  },
  ip_not_allowed: { status: 403, description: "The tenant accepts its API keys only from the addresses on its IP allowlist." },
  cross_origin: { status: 403, description: "A cookie-authenticated change came from another site." },
  platform_only: { status: 403, description: "Only a super-admin on the platform host may do this." },
  not_an_owner: { status: 403, description: "Only an owner of the portal may do this (handing ownership over, say)." },
  acting_not_allowed: { status: 403, description: "A super-admin opened the portal as admin; only its own members may do this." },
  not_found: { status: 404, description: "The resource does not exist, or belongs to another tenant (the answer is the same)." },
  tenant_not_found: { status: 404, description: "No portal is served at this host, or the named tenant does not exist." },
  method_not_allowed: { status: 405, description: "The path exists but not with this method; `Allow` lists the methods it has." },
  conflict: {
    status: 409,
    description: "The change conflicts with the current state (a name already taken, a claim already made).",
  },
  last_owner: { status: 409, description: "A portal keeps at least one owner." },
  invitation_invalid: {
    status: 410,
    description: "The invitation link expired, was already used or was withdrawn; ask for a new one.",
  },
  payload_too_large: { status: 413, description: "The body is larger than the route accepts (1 MB for the API)." },
  unsupported_media_type: { status: 415, description: "The body is not of a type the route accepts (JSON for the API)." },
  validation_failed: {
    status: 422,
    description: "The input does not match the schema; `details` lists each field's path and message.",
  },
  password_not_changed: { status: 422, description: "The new password was refused; `details` says why." },
  rate_limited: {
    status: 429,
    description:
      "Too many requests (the tenant's rate, a key's own rate, or too many invalid keys from one client); wait for the seconds in Retry-After.",
  },
  internal_error: { status: 500, description: "Something failed on Livery's side; quote the requestId when reporting it." },
  service_unavailable: {
    status: 503,
    description: "The database or the tenant directory is unavailable; retry after Retry-After.",
  },
  service_busy: { status: 503, description: "Too many sign-ins are being checked at once; retry shortly." },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type StatusOf<C extends ErrorCode> = (typeof ERROR_CODES)[C]["status"];
/** The codes that answer with `S`, for helpers such as forbidden(). */
export type CodeWithStatus<S extends number> = {
  [C in ErrorCode]: StatusOf<C> extends S ? C : never;
}[ErrorCode];

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** Where docs/api.md explains a code (an anchor on its row in the error table). */
export function errorDocsAnchor(code: ErrorCode): string {
  return `docs/api.md#error-${code}`;
}
