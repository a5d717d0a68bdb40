import { can, type Permission } from "@/lib/auth/permissions";
import type { RouteSpec } from "@/lib/api/spec";
import { MUTATING } from "./routes";

// What a request must get, derived from the route's spec (access, permission,
// tenantParam) and the documented precedence (docs/tenancy.md, lib/api/handler.ts):
// middleware → credential → platform-only → tenant named by host or hint vs.
// the credential's tenant → path tenant → permission → rows of the path.

export type TenantRef = "own" | "other";

export const CREDENTIALS = [
  "ownKey",
  "otherKey",
  "ownKeyWithoutPermission",
  "revokedKey",
  "expiredKey",
  "none",
  "platformKey",
  "otherOwnerSession",
  "ownViewerSession",
] as const;
export type Credential = (typeof CREDENTIALS)[number];

export const HINTS = [
  "ownHost",
  "otherHost",
  "slugOtherOnPlatformHost",
  "slugOtherOnOwnHost",
  "internalHeadersOtherOnPlatformHost",
  "internalHeadersOtherOnOwnHost",
] as const;
export type Hint = (typeof HINTS)[number];

/** What fills a path parameter: a tenant id (own, other, or `current`) or a row of the own or the other tenant. */
export type ParamValue = "own" | "other" | "current";
export type ParamKind = "tenant" | "content" | "key" | "domain";

export type Case = {
  route: RouteSpec;
  credential: Credential;
  hint: Hint;
  /** Per path parameter: its kind and which value fills it. */
  params: { name: string; kind: ParamKind; value: ParamValue }[];
};

export type Expectation = {
  /** An exact status for a refusal; "2xx" for success. */
  status: number | "2xx";
  code?: string;
  /** The tenant a successful request acts on; "scratch" is a throwaway tenant for the platform's destructive routes. */
  acting: TenantRef | "scratch" | null;
  /** The seeded tenants whose data the response may show. */
  entitled: readonly TenantRef[];
};

const refuse = (status: number, code: string): Expectation => ({ status, code, acting: null, entitled: [] });

type Principal = { kind: "tenant"; tenant: TenantRef; may: (p: Permission) => boolean } | { kind: "platform" };

/** The host's tenant as the middleware resolves it; client-sent internal headers are stripped, never trusted. */
function hostTenant(hint: Hint): TenantRef | null {
  switch (hint) {
    case "ownHost":
    case "slugOtherOnOwnHost":
    case "internalHeadersOtherOnOwnHost":
      return "own";
    case "otherHost":
      return "other";
    case "slugOtherOnPlatformHost":
    case "internalHeadersOtherOnPlatformHost":
      return null;
  }
}

function principalOf(c: Case, host: TenantRef | null): Principal | Expectation {
  const permission = c.route.permission;
  switch (c.credential) {
    case "none":
      return refuse(401, "unauthenticated");
    // One answer for a key that is not valid, whatever the reason (H13): the reason is in the key owner's audit log.
    case "revokedKey":
    case "expiredKey":
      return refuse(401, "invalid_api_key");
    case "platformKey":
      return { kind: "platform" };
    case "ownKey":
    case "otherKey":
      return { kind: "tenant", tenant: c.credential === "ownKey" ? "own" : "other", may: () => true };
    case "ownKeyWithoutPermission":
      return { kind: "tenant", tenant: "own", may: (p) => p !== permission };
    // A session counts only on its own tenant's host.
    case "otherOwnerSession":
      return host === "other" ? { kind: "tenant", tenant: "other", may: (p) => can("OWNER", p) } : refuse(401, "unauthenticated");
    case "ownViewerSession":
      return host === "own" ? { kind: "tenant", tenant: "own", may: (p) => can("VIEWER", p) } : refuse(401, "unauthenticated");
  }
}

const tenantOf = (value: ParamValue): TenantRef | null => (value === "current" ? null : value);

export function expectationFor(c: Case): Expectation {
  if (c.hint === "slugOtherOnOwnHost") return refuse(403, "tenant_mismatch"); // the middleware's own answer
  const access = c.route.access;
  if (access === "public") return { status: "2xx", acting: null, entitled: [] };

  const host = hostTenant(c.hint);
  const named = host ?? (c.hint === "slugOtherOnPlatformHost" ? "other" : null);
  const tenantParam = c.params.find((p) => p.kind === "tenant");
  const principal = principalOf(c, host);
  if ("status" in principal) return principal;

  if (access === "platform") {
    if (principal.kind !== "platform") return refuse(403, "insufficient_permissions");
    if (tenantParam?.value === "current") return refuse(404, "not_found");
    const target = tenantParam ? tenantOf(tenantParam.value) : null;
    // Deleting or suspending a seeded tenant would end the matrix; those run on a scratch tenant.
    const acting = target === "own" && MUTATING.has(c.route.method) ? "scratch" : target;
    return { status: "2xx", acting, entitled: ["own", "other"] };
  }
  if (access === "authenticated") {
    return { status: "2xx", acting: null, entitled: principal.kind === "platform" ? ["own", "other"] : [principal.tenant] };
  }

  const pathTenant = c.route.tenantParam && tenantParam ? tenantOf(tenantParam.value) : null;
  let acting: TenantRef;
  if (principal.kind === "tenant") {
    if (named && named !== principal.tenant) return refuse(403, "tenant_mismatch");
    if (pathTenant && pathTenant !== principal.tenant) return refuse(404, "not_found");
    acting = principal.tenant;
  } else {
    if (pathTenant && named && pathTenant !== named) return refuse(403, "tenant_mismatch");
    const target = pathTenant ?? named;
    if (!target) return refuse(400, "tenant_required");
    acting = target;
  }
  const permission = c.route.permission;
  if (permission && principal.kind === "tenant" && !principal.may(permission)) return refuse(403, "insufficient_permissions");
  // Another tenant's row is not found, exactly like a row that does not exist.
  if (c.params.some((p) => p.kind !== "tenant" && p.value !== acting)) return refuse(404, "not_found");
  return { status: "2xx", acting, entitled: [acting] };
}
