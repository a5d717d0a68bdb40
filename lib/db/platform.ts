import "server-only";
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
