import "server-only";
import { findTenantBySlug, findTenantByVerifiedHostname } from "@/lib/db/platform";
import { getEnv } from "@/lib/env";
import { getTenantSnapshot } from "@/lib/tenants/status";
import type { DirectoryTenant } from "./directory";
import { parseHost } from "./host";

/**
 * The tenant a host addresses: by subdomain, else by a custom domain that
 * routes (verified or lapsing, and allowed by the tenant's plan; see
 * findTenantByVerifiedHostname). The middleware caches the answer for at most
 * DIRECTORY_TTL_MS; the Node layer re-checks the host on every request
 * (lib/tenancy/serves-host.ts), so a downgrade or removal stops at once.
 */
export async function resolveTenantByHost(rawHost: string): Promise<DirectoryTenant | null> {
  const target = parseHost(rawHost, getEnv().ROOT_DOMAIN);
  const tenant =
    target.kind === "subdomain"
      ? await findTenantBySlug(target.slug)
      : target.kind === "custom"
        ? await findTenantByVerifiedHostname(target.host)
        : null;
  if (!tenant) return null;
  const allowedDomains = (await getTenantSnapshot(tenant.id))?.allowedDomains ?? [];
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, allowedDomains };
}
