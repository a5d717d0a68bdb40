import "server-only";
import type { Principal } from "@/lib/api/principal";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { afterCursor, NEWEST_FIRST, type Page, toPage } from "@/lib/api/pagination";
import { isPermission, type Permission, PERMISSIONS, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { limitsSchema } from "@/lib/config/schemas";
import type { Prisma, TenantApiKey } from "@/lib/db/generated/prisma/client";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { memberIdOf } from "@/lib/auth/member";
import { ApiError, conflict, forbidden, notFound } from "@/lib/http/errors";
import { effectiveLimits } from "@/lib/tenants/plans";
import { isUuid } from "@/lib/http/ids";
import { countLiveKeyChains, lockTenantKeys, previousSecretsOf } from "./chains";
import { displayPrefix, generateApiKeySecret, hashApiKey } from "./keys";
import { forgetApiKey } from "./lookup";
import type { ApiKeyCreateInput, ApiKeyListQuery, ApiKeyRotateInput } from "./schemas";
import { type ApiKeyView, type PreviousSecret, secretState, statusWhere, toView, usableWhere } from "./status";

/** Who creates or rotates a key, and so which permissions they may hand out. */
export type KeyGrantor = { actor: Actor; userId: string | null; mayGrant: readonly Permission[] };

/** A key gets no permission its creator lacks: a session's role, a tenant key's own scopes; the platform any. */
export function keyGrantorFor(principal: Principal, actor: Actor, tenantId: string): KeyGrantor {
  switch (principal.kind) {
    case "platform_key":
      return { actor, userId: null, mayGrant: PERMISSIONS };
    case "tenant_key":
      return { actor, userId: null, mayGrant: principal.key.permissions.filter(isPermission) };
    case "session": {
      const { user } = principal;
      return { actor, userId: user.tenantId === tenantId ? memberIdOf(user) : null, mayGrant: ROLE_PERMISSIONS[user.role] };
    }
  }
}

function assertMayGrant(grantor: KeyGrantor, permissions: readonly string[]): void {
  const beyond = permissions.filter((p) => !(grantor.mayGrant as readonly string[]).includes(p));
  if (beyond.length > 0) {
    throw forbidden(
      "insufficient_permissions",
      `You cannot grant ${beyond.map((p) => `\`${p}\``).join(", ")}: a key gets only permissions its creator has.`,
    );
  }
}

/** One entry per rotation chain: its current key, with the previous secret while that still works. */
export function listApiKeys(tenantId: string, query: ApiKeyListQuery): Promise<Page<ApiKeyView>> {
  const now = new Date();
  return withTenant(tenantId, async (tx) => {
    const previous = await previousSecretsOf(tx, tenantId, now);
    const filters = [afterCursor(query.cursor), query.status ? statusWhere(query.status, now, [...previous.keys()]) : {}];
    const rows = await tx.tenantApiKey.findMany({
      where: { tenantId, replacedById: null, AND: filters },
      orderBy: [...NEWEST_FIRST],
      take: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => toView(row, previous.get(row.chainId) ?? null, now));
  });
}

async function findKey(tx: Tx, tenantId: string, keyId: string): Promise<TenantApiKey> {
  const key = isUuid(keyId) ? await tx.tenantApiKey.findFirst({ where: { id: keyId, tenantId } }) : null;
  if (!key) throw notFound("The API key");
  return key;
}

function auditKey(tx: Tx, tenantId: string, actor: Actor, action: string, key: TenantApiKey, extra: Prisma.InputJsonObject = {}) {
  const metadata = { name: key.name, prefix: key.prefix, permissions: key.permissions, ...extra };
  return recordAudit(tx, { tenantId, actor, action, targetType: "api_key", targetId: key.id, metadata });
}

/**
 * Counted under the tenant's key lock, so two creates at the limit cannot both
 * pass. A rotation chain is one key, however many of its secrets still work.
 */
async function assertBelowKeyLimit(tx: Tx, tenantId: string, now: Date): Promise<void> {
  await lockTenantKeys(tx, tenantId);
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: true } });
  const overrides = limitsSchema.safeParse(tenant.config?.limits ?? {}).data ?? {};
  const limit = effectiveLimits(tenant.plan, overrides).apiKeys;
  const usable = await countLiveKeyChains(tx, tenantId, now);
  if (usable >= limit) {
    throw new ApiError(
      "limit_exceeded",
      403,
      `This tenant has ${usable} active API keys and its ${tenant.plan} plan allows ${limit}; revoke one or upgrade the plan.`,
    );
  }
}

function newKeyData(
  tenantId: string,
  secret: string,
  fields: Omit<Prisma.TenantApiKeyUncheckedCreateInput, "tenantId" | "prefix" | "hash">,
) {
  return { tenantId, prefix: displayPrefix(secret), hash: hashApiKey(secret), ...fields };
}

/** Creates a key and returns it with its secret, which is shown this once and stored only as a hash. */
export async function createApiKey(tenantId: string, input: ApiKeyCreateInput, grantor: KeyGrantor) {
  assertMayGrant(grantor, input.permissions);
  const secret = generateApiKeySecret("tenant");
  const key = await withTenant(tenantId, async (tx) => {
    await assertBelowKeyLimit(tx, tenantId, new Date());
    const key = await tx.tenantApiKey.create({
      data: newKeyData(tenantId, secret, { ...input, createdById: grantor.userId }),
    });
    await auditKey(tx, tenantId, grantor.actor, "api_key.created", key, {
      expiresAt: key.expiresAt?.toISOString() ?? null,
      rateLimitPerMinute: key.rateLimitPerMinute,
    });
    return key;
  });
  return { ...toView(key), secret };
}

/**
 * Revokes a key and every other key of its rotation chain at once, on every
 * instance: each of the chain's secrets is forgotten by the key caches.
 * Revoking a revoked key changes nothing and succeeds.
 */
export async function revokeApiKey(tenantId: string, keyId: string, actor: Actor): Promise<void> {
  const now = new Date();
  const hashes = await withTenant(tenantId, async (tx) => {
    await lockTenantKeys(tx, tenantId);
    const key = await findKey(tx, tenantId, keyId);
    const chain = await tx.tenantApiKey.findMany({ where: { tenantId, chainId: key.chainId } });
    const live = chain.filter((k) => !k.revokedAt || k.revokedAt > now);
    if (live.length > 0) {
      await tx.tenantApiKey.updateMany({ where: { id: { in: live.map((k) => k.id) } }, data: { revokedAt: now } });
      await auditKey(tx, tenantId, actor, "api_key.revoked", key, { chainPrefixes: live.map((k) => k.prefix) });
    }
    return chain.map((k) => k.hash);
  });
  await Promise.all(hashes.map(forgetApiKey));
}

/**
 * Replaces a chain's current key with a new one of the same name,
 * permissions, rate limit and expiry, in the same chain. The old secret keeps
 * working for the grace period (never past its own expiry) so clients can
 * switch over; a grace of 0 revokes it at once. A chain has at most one
 * previous secret: an earlier one still in its grace period stops now. The
 * chain stays one key, so the plan's limit is neither consumed nor checked
 * (a tenant over its limit after a downgrade can still rotate a leaked key).
 */
export async function rotateApiKey(tenantId: string, keyId: string, input: ApiKeyRotateInput, grantor: KeyGrantor) {
  const now = new Date();
  const secret = generateApiKeySecret("tenant");
  const { hashes, fresh, previous } = await withTenant(tenantId, async (tx) => {
    await lockTenantKeys(tx, tenantId);
    const old = await findKey(tx, tenantId, keyId);
    if (old.replacedById) throw conflict("This key has already been rotated; rotate its replacement instead.");
    const state = secretState(old, now);
    if (state !== "live") throw conflict(`This key is ${state}; create a new key instead.`);
    // The new secret carries the old key's permissions: rotating must not hand out more than creating could.
    assertMayGrant(grantor, old.permissions);
    const earlier = await tx.tenantApiKey.findMany({
      where: { tenantId, chainId: old.chainId, id: { not: old.id }, ...usableWhere(now) },
    });
    if (earlier.length > 0) {
      await tx.tenantApiKey.updateMany({ where: { id: { in: earlier.map((k) => k.id) } }, data: { revokedAt: now } });
    }
    const { name, permissions, rateLimitPerMinute, expiresAt, chainId } = old;
    const fresh = await tx.tenantApiKey.create({
      data: newKeyData(tenantId, secret, {
        name,
        permissions,
        rateLimitPerMinute,
        expiresAt,
        chainId,
        createdById: grantor.userId,
      }),
    });
    const graceEnd = new Date(now.getTime() + input.gracePeriodHours * 3_600_000);
    const until = expiresAt && expiresAt < graceEnd ? expiresAt : graceEnd;
    const ending = input.gracePeriodHours === 0 ? { revokedAt: now } : { expiresAt: until };
    await tx.tenantApiKey.update({ where: { id: old.id }, data: { ...ending, replacedById: fresh.id } });
    await auditKey(tx, tenantId, grantor.actor, "api_key.rotated", old, {
      replacedById: fresh.id,
      newPrefix: fresh.prefix,
      gracePeriodHours: input.gracePeriodHours,
      oldKeyValidUntil: ("revokedAt" in ending ? now : until).toISOString(),
      endedPrefixes: earlier.map((k) => k.prefix),
    });
    const previous: PreviousSecret | null =
      "revokedAt" in ending ? null : { prefix: old.prefix, expiresAt: until, lastUsedAt: old.lastUsedAt };
    return { hashes: [old.hash, ...earlier.map((k) => k.hash)], fresh, previous };
  });
  await Promise.all(hashes.map(forgetApiKey));
  return { ...toView(fresh, previous, now), secret };
}
