import "server-only";
import { forgetApiKey } from "@/lib/api-keys/lookup";
import { displayPrefix, generateApiKeySecret, hashApiKey } from "@/lib/api-keys/keys";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { PlatformApiKey } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";
import { notFound } from "@/lib/http/errors";
import { isUuid } from "@/lib/http/ids";
import type { PlatformKeyCreateInput } from "./schemas";

export type PlatformKeyView = {
  id: string;
  name: string;
  prefix: string;
  status: "active" | "expired" | "revoked";
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

function toView(key: PlatformApiKey, now = new Date()): PlatformKeyView {
  const status = key.revokedAt && key.revokedAt <= now ? "revoked" : key.expiresAt && key.expiresAt <= now ? "expired" : "active";
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    status,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}

/** The newest platform keys (there are few: people make them by hand). Never the hash. */
export function listPlatformKeys(limit = 100): Promise<PlatformKeyView[]> {
  return withPlatform(async (tx) => {
    const rows = await tx.platformApiKey.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
    return rows.map((row) => toView(row));
  });
}

/**
 * Creates a platform key and returns its secret this once (only the hash is
 * stored), with a platform audit entry (tenantId null) in the same transaction.
 */
export async function createPlatformKey(
  input: PlatformKeyCreateInput,
  actor: Actor,
): Promise<PlatformKeyView & { secret: string }> {
  const secret = generateApiKeySecret("platform");
  const key = await withPlatform(async (tx) => {
    const key = await tx.platformApiKey.create({
      data: {
        name: input.name,
        prefix: displayPrefix(secret),
        hash: hashApiKey(secret),
        permissions: [],
        expiresAt: input.expiresAt ?? null,
        createdById: actor.type === "USER" && actor.id && isUuid(actor.id) ? actor.id : null,
      },
    });
    await recordAudit(tx, {
      tenantId: null,
      actor,
      action: "platform_key.created",
      targetType: "platform_api_key",
      targetId: key.id,
      metadata: { name: key.name, prefix: key.prefix, expiresAt: key.expiresAt?.toISOString() ?? null },
    });
    return key;
  });
  return { ...toView(key), secret };
}

/** Revokes at once, on every instance (the key cache is told). Revoking a revoked key changes nothing. */
export async function revokePlatformKey(keyId: string, actor: Actor): Promise<void> {
  const hash = await withPlatform(async (tx) => {
    const key = isUuid(keyId) ? await tx.platformApiKey.findUnique({ where: { id: keyId } }) : null;
    if (!key) throw notFound("The platform key");
    if (key.revokedAt) return null;
    await tx.platformApiKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      tenantId: null,
      actor,
      action: "platform_key.revoked",
      targetType: "platform_api_key",
      targetId: key.id,
      metadata: { name: key.name, prefix: key.prefix },
    });
    return key.hash;
  });
  if (hash) await forgetApiKey(hash);
}

/**
 * A revoked or expired platform key was presented: a platform audit entry
 * (the caller is told only that the key is not valid). Throttled by the
 * caller, lib/api-keys/refusals.ts.
 */
export async function recordPlatformKeyRefusal(
  keyId: string,
  metadata: { reason: "revoked" | "expired"; name: string; prefix: string },
  actor: Actor,
): Promise<void> {
  await withPlatform((tx) =>
    recordAudit(tx, {
      tenantId: null,
      actor,
      action: "platform_key.refused",
      targetType: "platform_api_key",
      targetId: keyId,
      metadata,
    }),
  );
}
