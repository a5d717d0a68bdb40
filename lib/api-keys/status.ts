import type { Prisma, TenantApiKey } from "@/lib/db/generated/prisma/client";
import type { ApiKeyStatus } from "./schemas";

export type ApiKeyView = Pick<
  TenantApiKey,
  "id" | "name" | "prefix" | "permissions" | "rateLimitPerMinute" | "expiresAt" | "lastUsedAt" | "revokedAt" | "createdAt"
> & { status: ApiKeyStatus };

/**
 * A key is revoked once revokedAt has passed, expired once expiresAt has, and
 * rotating while its replacement exists and its own secret is still in the
 * grace period; otherwise active. Revoked wins over expired.
 */
export function statusOf(key: TenantApiKey, now: Date): ApiKeyStatus {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return key.replacedById ? "rotating" : "active";
}

/** Never the hash: a list shows what a key is, not what it is made of. */
export function toView(key: TenantApiKey, now = new Date()): ApiKeyView {
  const { id, name, prefix, permissions, rateLimitPerMinute, expiresAt, lastUsedAt, revokedAt, createdAt } = key;
  return {
    id,
    name,
    prefix,
    permissions,
    rateLimitPerMinute,
    expiresAt,
    lastUsedAt,
    revokedAt,
    createdAt,
    status: statusOf(key, now),
  };
}

/** statusOf as a query. A rotating key (old secret in its grace period) is still usable, so it counts as live. */
export function statusWhere(status: ApiKeyStatus | "usable", now: Date): Prisma.TenantApiKeyWhereInput {
  const live = { OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] };
  const unexpired = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  switch (status) {
    case "revoked":
      return { revokedAt: { lte: now } };
    case "expired":
      return { AND: [live, { expiresAt: { lte: now } }] };
    case "rotating":
      return { AND: [live, unexpired, { replacedById: { not: null } }] };
    case "active":
      return { AND: [live, unexpired, { replacedById: null }] };
    case "usable":
      return { AND: [live, unexpired] };
  }
}
