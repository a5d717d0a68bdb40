import "server-only";
import { limitsSchema } from "@/lib/config/schemas";
import { ROUTING_STATES } from "@/lib/domains/states";
import { effectiveLimits } from "@/lib/tenants/plans";
import { rawDb } from "./client";
import { PLATFORM_ROLE, TRANSACTION_OPTIONS, type Tx } from "./tenant";

/**
 * Work across tenants runs on the platform login as the platform role. Keep
 * its callers few and named: the functions below, the seed, and the modules in
 * lib/db/platform-callers.json (a lint rule and a test hold that list).
 * Anything a tenant does goes through `withTenant` instead. No tenant is bound
 * here: a platform transaction starts without one, and the platform policies
 * do not read it.
 */
export async function withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return rawDb("platform").$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('role', ${PLATFORM_ROLE}, true)`;
    return fn(tx);
  }, TRANSACTION_OPTIONS);
}

/** Host resolution: a tenant by its slug. */
export function findTenantBySlug(slug: string) {
  return withPlatform((tx) => tx.tenant.findUnique({ where: { slug } }));
}

/**
 * Host resolution: the tenant a custom domain routes to. Only a verified or
 * lapsing claim routes (one per hostname, by a partial unique index), and
 * only while the tenant's plan allows custom domains: over its limit after a
 * downgrade, its earliest verified domains keep routing, up to the limit.
 */
export function findTenantByVerifiedHostname(hostname: string) {
  return withPlatform(async (tx) => {
    const routing = { in: [...ROUTING_STATES] };
    const domain = await tx.tenantDomain.findFirst({
      where: { hostname, state: routing },
      include: { tenant: { include: { config: { select: { limits: true } } } } },
    });
    if (!domain?.verifiedAt) return null;
    const { config, ...tenant } = domain.tenant;
    const overrides = limitsSchema.safeParse(config?.limits ?? {}).data ?? {};
    const allowed = effectiveLimits(tenant.plan, overrides).customDomains;
    if (allowed <= 0) return null;
    const earlier = await tx.tenantDomain.count({
      where: {
        tenantId: tenant.id,
        state: routing,
        OR: [{ verifiedAt: { lt: domain.verifiedAt } }, { verifiedAt: domain.verifiedAt, id: { lt: domain.id } }],
      },
    });
    return earlier < allowed ? tenant : null;
  });
}

/** API authentication: a tenant key by the SHA-256 of its secret, with its tenant. */
export function findTenantApiKeyByHash(hash: string) {
  return withPlatform((tx) => tx.tenantApiKey.findUnique({ where: { hash }, include: { tenant: true } }));
}

/** API authentication: a platform key by the SHA-256 of its secret. */
export function findPlatformApiKeyByHash(hash: string) {
  return withPlatform((tx) => tx.platformApiKey.findUnique({ where: { hash } }));
}

/** Super-admin sign-in: platform users have no tenant. */
export function findSuperAdminByEmail(email: string) {
  return withPlatform((tx) => tx.user.findFirst({ where: { tenantId: null, email: email.toLowerCase() } }));
}
