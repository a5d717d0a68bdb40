import "server-only";
import type { z } from "zod";
import { forgetApiKey } from "@/lib/api-keys/lookup";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { limitsSchema } from "@/lib/config/schemas";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";
import type { Tx } from "@/lib/db/tenant";
import { ApiError, notFound } from "@/lib/http/errors";
import { LIMITS } from "./plans";
import { updateTenantSchema } from "./schemas";
import { announceTenantChange } from "./status";
import { assertTenantId, findTenantViewOrThrow, storedLimitOverrides } from "./view";

/**
 * Suspends a tenant: its portal and API refuse every request at once on this
 * instance, and on every instance when REDIS_URL is set (see status.ts).
 * The change and its audit entry are one transaction.
 */
export async function suspendTenant(tenantId: string, reason: string, actor: Actor) {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > 500) {
    throw new ApiError("validation_failed", 422, "A reason of 1 to 500 characters is required.", [
      { path: ["reason"], message: "is required" },
    ]);
  }
  const tenant = await withPlatform(async (tx) => {
    const before = await findTenantOrThrow(tx, tenantId);
    await tx.tenant.update({
      where: { id: tenantId },
      data: { status: "SUSPENDED", suspendedReason: trimmed, suspendedAt: before.suspendedAt ?? new Date() },
    });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "tenant.suspended",
      targetType: "tenant",
      targetId: tenantId,
      metadata: { reason: trimmed, before: before.status },
    });
    return findTenantViewOrThrow(tx, tenantId);
  });
  await announceTenantChange(tenantId);
  return tenant;
}

export async function activateTenant(tenantId: string, actor: Actor) {
  const tenant = await withPlatform(async (tx) => {
    const before = await findTenantOrThrow(tx, tenantId);
    await tx.tenant.update({
      where: { id: tenantId },
      data: { status: "ACTIVE", suspendedReason: null, suspendedAt: null },
    });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "tenant.activated",
      targetType: "tenant",
      targetId: tenantId,
      metadata: { before: before.status },
    });
    return findTenantViewOrThrow(tx, tenantId);
  });
  await announceTenantChange(tenantId);
  return tenant;
}

/**
 * Renames, changes the plan, or overrides limits. Overrides merge into the
 * stored ones; `null` removes one. A downgrade is allowed: features the new
 * plan lacks stop taking effect (effectiveFeatures), nothing is deleted.
 */
export async function updateTenant(tenantId: string, input: z.input<typeof updateTenantSchema>, actor: Actor) {
  const { limits: patch, ...fields } = updateTenantSchema.parse(input);
  const result = await withPlatform(async (tx) => {
    const before = await findTenantOrThrow(tx, tenantId);
    const changes: Record<string, Prisma.InputJsonValue> = {};
    for (const field of ["name", "plan"] as const) {
      if (fields[field] !== undefined && fields[field] !== before[field])
        changes[field] = { from: before[field], to: fields[field] };
    }
    if (patch) {
      const config = await tx.tenantConfig.findUnique({ where: { tenantId }, select: { limits: true } });
      const from = storedLimitOverrides(config?.limits);
      const to = Object.fromEntries(
        Object.entries({ ...from, ...patch }).filter((entry): entry is [string, number] => entry[1] !== null),
      );
      if (LIMITS.some((limit) => from[limit] !== to[limit])) {
        const limits = limitsSchema.parse(to);
        await tx.tenantConfig.upsert({ where: { tenantId }, create: { tenantId, limits }, update: { limits } });
        changes.limits = { from, to: limits };
      }
    }
    if (Object.keys(changes).length === 0) return { changed: false, view: await findTenantViewOrThrow(tx, tenantId) };
    // updatedAt moves with any change, limits included: it dates the whole resource.
    await tx.tenant.update({ where: { id: tenantId }, data: { ...fields, updatedAt: new Date() } });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "tenant.updated",
      targetType: "tenant",
      targetId: tenantId,
      metadata: changes,
    });
    return { changed: true, view: await findTenantViewOrThrow(tx, tenantId) };
  });
  if (result.changed) await announceTenantChange(tenantId);
  return result.view;
}

/**
 * Deletes a tenant and, by cascade, everything it owns (domains, keys,
 * content, usage, users, invitations, brand assets and its own audit trail).
 * What remains is a platform-level audit entry (tenantId null), written in the
 * same transaction. Its keys are then dropped from every instance's cache.
 */
export async function deleteTenant(tenantId: string, actor: Actor): Promise<void> {
  const keyHashes = await withPlatform(async (tx) => {
    const tenant = await findTenantOrThrow(tx, tenantId);
    const keys = await tx.tenantApiKey.findMany({ where: { tenantId }, select: { hash: true } });
    await recordAudit(tx, {
      tenantId: null,
      actor,
      action: "tenant.deleted",
      targetType: "tenant",
      targetId: tenantId,
      metadata: { slug: tenant.slug, name: tenant.name, plan: tenant.plan, status: tenant.status },
    });
    await tx.tenant.delete({ where: { id: tenantId } });
    return keys.map((key) => key.hash);
  });
  await announceTenantChange(tenantId);
  await Promise.all(keyHashes.map((hash) => forgetApiKey(hash)));
}

/**
 * Locks the row (FOR UPDATE) so that concurrent changes to one tenant apply
 * one after the other: a limits merge then reads what the previous one wrote.
 */
async function findTenantOrThrow(tx: Tx, tenantId: string) {
  assertTenantId(tenantId);
  await tx.$queryRaw`SELECT 1 FROM "Tenant" WHERE "id" = ${tenantId}::uuid FOR UPDATE`;
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) throw notFound("The tenant");
  return tenant;
}
