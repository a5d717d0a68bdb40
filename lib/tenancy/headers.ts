// Request headers set by the middleware for the app. Clients cannot send them:
// every `x-tenant-*` / `x-livery-*` header is stripped on the way in.
export const TENANT_ID_HEADER = "x-tenant-id";
export const TENANT_SLUG_HEADER = "x-tenant-slug";
export const REQUEST_ID_HEADER = "x-request-id";
