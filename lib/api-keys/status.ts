import type { Prisma, TenantApiKey } from "@/lib/db/generated/prisma/client";
import type { ApiKeyStatus } from "./schemas";

/**
 * Keys come in rotation chains (decision "API key rotation chains"): a key
 * and every key it replaced or that replaced it share a chainId. The chain's
 * current key is the one nothing replaced (replacedById null); lists show the
 * chain as that key, with its previous secret while the grace period runs.
 */

/** The replaced secret of a chain that still works, until expiresAt. */
export type PreviousSecret = { prefix: string; expiresAt: Date; lastUsedAt: Date | null };

export type ApiKeyView = Pick<
  TenantApiKey,
  "id" | "name" | "prefix" | "permissions" | "rateLimitPerMinute" | "expiresAt" | "lastUsedAt" | "revokedAt" | "createdAt"
> & { status: ApiKeyStatus; previousSecret: PreviousSecret | null };

type Dates = Pick<TenantApiKey, "revokedAt" | "expiresAt">;

/** Whether one secret still works. Revoked wins over expired. */
export function secretState(key: Dates, now: Date): "revoked" | "expired" | "live" {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "live";
}

/** A chain's status, read on its current key: rotating while a previous secret still works. */
export function statusOf(current: Dates, previous: PreviousSecret | null, now: Date): ApiKeyStatus {
  const state = secretState(current, now);
  if (state !== "live") return state;
  return previous ? "rotating" : "active";
}

/** Never the hash: a list shows what a key is, not what it is made of. */
export function toView(current: TenantApiKey, previous: PreviousSecret | null = null, now = new Date()): ApiKeyView {
  const { id, name, prefix, permissions, rateLimitPerMinute, expiresAt, lastUsedAt, revokedAt, createdAt } = current;
  const status = statusOf(current, previous, now);
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
    status,
    previousSecret: status === "rotating" ? previous : null,
  };
}

/** Secrets that still work: not revoked, not expired. */
export function usableWhere(now: Date): Prisma.TenantApiKeyWhereInput {
  return {
    AND: [{ OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] }, { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
  };
}

/**
 * statusOf as a query on current keys (add `replacedById: null`), given the
 * chains that have a previous secret still working.
 */
export function statusWhere(status: ApiKeyStatus, now: Date, rotatingChains: string[]): Prisma.TenantApiKeyWhereInput {
  const live = { OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] };
  switch (status) {
    case "revoked":
      return { revokedAt: { lte: now } };
    case "expired":
      return { AND: [live, { expiresAt: { lte: now } }] };
    case "rotating":
      return { AND: [usableWhere(now), { chainId: { in: rotatingChains } }] };
    case "active":
      return { AND: [usableWhere(now), { chainId: { notIn: rotatingChains } }] };
  }
}
