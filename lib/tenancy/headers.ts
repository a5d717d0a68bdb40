// Request headers set by the middleware for the app. Clients cannot send them:
// every `x-tenant-*` / `x-livery-*` header is stripped on the way in.

/** The tenant resolved from the host (custom domain or subdomain): trusted. */
export const TENANT_ID_HEADER = "x-tenant-id";
export const TENANT_SLUG_HEADER = "x-tenant-slug";
/**
 * The slug an API client sent as `X-Tenant-Slug` on the platform host, as
 * sent. Only a hint: the API layer resolves it after authenticating and
 * checks the credential may act for it (a key of that tenant, a platform
 * key, a member's or super-admin's session).
 */
export const TENANT_HINT_SLUG_HEADER = "x-livery-tenant-hint-slug";
export const REQUEST_ID_HEADER = "x-request-id";

/** What API clients send to name a tenant; read before the internal headers are stripped. */
export const CLIENT_TENANT_SLUG_HEADER = "x-tenant-slug";
