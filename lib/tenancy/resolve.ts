import "server-only";
import { findTenantBySlug, findTenantByVerifiedHostname } from "@/lib/db/platform";
import { getEnv } from "@/lib/env";
import type { DirectoryTenant } from "./directory";
import { parseHost } from "./host";

/** The tenant a host addresses: by subdomain, else by verified custom domain. */
export async function resolveTenantByHost(rawHost: string): Promise<DirectoryTenant | null> {
  const target = parseHost(rawHost, getEnv().ROOT_DOMAIN);
  const tenant =
    target.kind === "subdomain"
      ? await findTenantBySlug(target.slug)
      : target.kind === "custom"
        ? await findTenantByVerifiedHostname(target.host)
        : null;
  return tenant && { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status };
}
