import "server-only";
import { withTenant } from "@/lib/db/tenant";
import type { TenantStatus } from "@/lib/db/generated/prisma/enums";
import { getRedis, getRedisSubscriber } from "@/lib/redis/client";

/**
 * The Node layer's view of a tenant's status, re-checked on every tenant
 * request so that a suspension does not wait for the Edge directory's TTL.
 *
 * Per instance, a status is trusted for STATUS_TTL_MS. A change made on this
 * instance clears it at once; with REDIS_URL set, the change is published and
 * every instance clears it at once too. Without Redis, other instances see it
 * within STATUS_TTL_MS.
 */
export const STATUS_TTL_MS = 1_000;
export const TENANT_CHANGED_CHANNEL = "livery:tenant-changed";

type Entry = { status: TenantStatus | null; expiresAt: number };
const slot = globalThis as typeof globalThis & { __liveryTenantStatus?: Map<string, Entry>; __liveryStatusSubscribed?: boolean };
const entries = (slot.__liveryTenantStatus ??= new Map());

function subscribeOnce(): void {
  if (slot.__liveryStatusSubscribed) return;
  slot.__liveryStatusSubscribed = true;
  const subscriber = getRedisSubscriber();
  if (!subscriber) return;
  subscriber.on("message", (channel: string, tenantId: string) => {
    if (channel === TENANT_CHANGED_CHANNEL) entries.delete(tenantId);
  });
  subscriber.subscribe(TENANT_CHANGED_CHANNEL).catch((error: Error) => {
    console.error(`[tenant-status] cannot subscribe to ${TENANT_CHANGED_CHANNEL}: ${error.message}`);
  });
}

/** ACTIVE, SUSPENDED, or null when the tenant does not exist (any more). */
export async function getTenantStatus(tenantId: string): Promise<TenantStatus | null> {
  subscribeOnce();
  const cached = entries.get(tenantId);
  if (cached && cached.expiresAt > Date.now()) return cached.status;
  const tenant = await withTenant(tenantId, (tx) => tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } }));
  const status = tenant?.status ?? null;
  entries.set(tenantId, { status, expiresAt: Date.now() + STATUS_TTL_MS });
  return status;
}

/** Call after changing a tenant's status, slug, domains or existence. */
export async function announceTenantChange(tenantId: string): Promise<void> {
  entries.delete(tenantId);
  await getRedis()
    ?.publish(TENANT_CHANGED_CHANNEL, tenantId)
    .catch((error: Error) => console.error(`[tenant-status] publish failed: ${error.message}`));
}

/** For tests: forget every cached status, and subscribe again on next use (e.g. after REDIS_URL changed). */
export function resetTenantStatus(): void {
  entries.clear();
  slot.__liveryStatusSubscribed = false;
}
