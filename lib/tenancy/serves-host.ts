import type { TenantSnapshot } from "@/lib/tenants/status";
import { parseHost } from "./host";

/**
 * Whether the tenant, as the Node layer trusts it now, is still served on
 * the host the request came in on. The middleware's directory may hold an
 * answer a few seconds old; this re-check makes a removed domain, a
 * downgrade below custom domains or a changed slug stop on the next request,
 * as a suspension does. A request without a Host header (in-process tests)
 * and the platform host (a tenant named by X-Tenant-Slug) are not host-bound.
 */
export function servesHost(
  tenant: Pick<TenantSnapshot, "slug" | "customHostnames">,
  host: string | null,
  rootDomain: string,
): boolean {
  if (!host) return true;
  const target = parseHost(host, rootDomain);
  switch (target.kind) {
    case "custom":
      return tenant.customHostnames.includes(target.host);
    case "subdomain":
      return target.slug === tenant.slug;
    case "platform":
      return true;
    case "invalid":
      return false;
  }
}
