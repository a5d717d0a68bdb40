import "server-only";
import type { NextRequest } from "next/server";
import { ApiError, forbidden, notFound } from "@/lib/http/errors";
import { TENANT_HINT_SLUG_HEADER, TENANT_ID_HEADER } from "@/lib/tenancy/headers";
import { tenantIdForSlug } from "@/lib/tenancy/slug-hint";
import { getEnv } from "@/lib/env";
import { servesHost } from "@/lib/tenancy/serves-host";
import { getTenantSnapshot, type TenantSnapshot } from "@/lib/tenants/status";
import { isPlatformPrincipal, type Principal } from "./principal";
import { isUuid } from "@/lib/http/ids";

export type TenantScopeOptions = {
  /** The path parameter that names the tenant (a UUID or `current`), e.g. "id" for /tenants/{id}/… */
  tenantParam?: string;
};

/**
 * Which tenant a request acts on. Precedence (docs/tenancy.md): the host
 * (custom domain or subdomain), then `X-Tenant-Slug` on the platform host,
 * then the key's own tenant. A credential of one tenant never reaches another:
 * a host or header naming a different tenant is 403 `tenant_mismatch`; a path
 * id of another tenant is 404, exactly like an id that does not exist.
 */
export async function resolveTenantScope(request: NextRequest, params: Record<string, string>, options: TenantScopeOptions) {
  // Both headers are set only by the middleware; client-sent copies are stripped.
  const hostTenantId = request.headers.get(TENANT_ID_HEADER);
  // X-Tenant-Slug on the platform host, passed on unjudged: resolved only once a credential is known.
  const hintSlug = request.headers.get(TENANT_HINT_SLUG_HEADER);
  const pathValue = options.tenantParam ? params[options.tenantParam] : undefined;
  if (pathValue !== undefined && pathValue !== "current" && !isUuid(pathValue)) throw notFound("The tenant");
  const pathId = pathValue === undefined || pathValue === "current" ? null : pathValue.toLowerCase();

  async function tenantFor(principal: Principal): Promise<TenantSnapshot> {
    let named = hostTenantId;
    if (!named && hintSlug) {
      named = await tenantIdForSlug(hintSlug);
      if (!named) throw new ApiError("tenant_not_found", 404, "X-Tenant-Slug names no tenant.");
    }
    let tenantId: string | null;
    if (principal.kind === "tenant_key" || (principal.kind === "session" && principal.user.tenantId)) {
      const own = principal.kind === "tenant_key" ? principal.key.tenantId : principal.user.tenantId!;
      if (named && named !== own) {
        throw forbidden("tenant_mismatch", "This credential belongs to a different tenant than the host or X-Tenant-Slug names.");
      }
      if (pathId && pathId !== own) throw notFound("The tenant");
      tenantId = own;
    } else {
      if (pathId && named && pathId !== named) {
        throw forbidden("tenant_mismatch", "The path names a different tenant than the host or X-Tenant-Slug.");
      }
      tenantId = pathId ?? named;
      if (!tenantId) {
        throw new ApiError(
          "tenant_required",
          400,
          "Name the tenant: put its id in the path, call its host, or send X-Tenant-Slug.",
        );
      }
    }
    const tenant = await getTenantSnapshot(tenantId);
    if (!tenant) throw notFound("The tenant");
    // The host's tenant, re-checked: a removed custom domain or a downgrade stops on the next request.
    if (tenant.id === hostTenantId && !servesHost(tenant, request.headers.get("host"), getEnv().ROOT_DOMAIN)) {
      throw new ApiError("tenant_not_found", 404, "No portal is served at this address.");
    }
    // Operators may still read and reactivate a suspended tenant; nobody else gets in.
    if (tenant.status === "SUSPENDED" && !isPlatformPrincipal(principal)) {
      throw forbidden("tenant_suspended", "This tenant is suspended.");
    }
    return tenant;
  }

  return { hostTenantId, tenantFor };
}
