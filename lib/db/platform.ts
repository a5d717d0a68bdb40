import "server-only";
import { rawDb } from "./client";
import { PLATFORM_ROLE, TRANSACTION_OPTIONS, type Tx } from "./tenant";

/**
 * Work across tenants runs as the platform role. Keep its callers few and
 * named: the functions below, the seed, and super-admin services. Anything a
 * tenant does goes through `withTenant` instead.
 */
export async function withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return rawDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('role', ${PLATFORM_ROLE}, true), set_config('app.tenant_id', '', true)`;
    return fn(tx);
  }, TRANSACTION_OPTIONS);
}

/** Host resolution: a tenant by its slug. */
export function findTenantBySlug(slug: string) {
  return withPlatform((tx) => tx.tenant.findUnique({ where: { slug } }));
}

/** Host resolution: the tenant owning a *verified* custom domain. */
export function findTenantByVerifiedHostname(hostname: string) {
  return withPlatform(async (tx) => {
    const domain = await tx.tenantDomain.findUnique({ where: { hostname }, include: { tenant: true } });
    return domain?.verifiedAt ? domain.tenant : null;
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
