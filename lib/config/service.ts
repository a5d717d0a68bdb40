import "server-only";
import { createHash } from "node:crypto";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Plan } from "@/lib/db/generated/prisma/enums";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { forbidden, notFound } from "@/lib/http/errors";
import { effectiveFeatures, effectiveLimits } from "@/lib/tenants/plans";
import { announceTenantChange } from "@/lib/tenants/status";
import { invalidateTenantConfig } from "./invalidate";
import { type ConfigChange, diffConfig, isPlainObject, type JsonObject, mergeConfig } from "./merge";
import type { TenantConfigPatch } from "./patch-schema";
import { assertPlanAllows, assertReadableColors, type ConfigWarning, customCssWarnings } from "./rules";
import { featuresSchema, limitsSchema, tenantConfigSchema } from "./schemas";

const SECTIONS = Object.keys(tenantConfigSchema.shape) as (keyof typeof tenantConfigSchema.shape)[];

type StoredConfig = Record<(typeof SECTIONS)[number], JsonObject>;

export type TenantConfigView = StoredConfig & {
  /** What takes effect: the plan's features and limits with the tenant's switches and overrides applied. */
  effective: { features: ReturnType<typeof effectiveFeatures>; limits: ReturnType<typeof effectiveLimits> };
};

/** Every section present, `{}` when unset. */
function sectionsOf(row: Partial<Record<string, unknown>> | null): StoredConfig {
  return Object.fromEntries(SECTIONS.map((s) => [s, isPlainObject(row?.[s]) ? row[s] : {}])) as StoredConfig;
}

function toView(plan: Plan, config: StoredConfig): TenantConfigView {
  // Stored config was validated on write; anything that no longer parses counts as unset.
  const features = featuresSchema.safeParse(config.features).data ?? {};
  const limits = limitsSchema.safeParse(config.limits).data ?? {};
  return { ...config, effective: { features: effectiveFeatures(plan, features), limits: effectiveLimits(plan, limits) } };
}

export async function getTenantConfig(tenantId: string): Promise<TenantConfigView> {
  return withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, include: { config: true } });
    if (!tenant) throw notFound("The tenant");
    return toView(tenant.plan, sectionsOf(tenant.config));
  });
}

/** Creates the tenant's config row if missing, then locks it, so concurrent patches merge one after the other. */
async function lockConfig(tx: Tx, tenantId: string): Promise<StoredConfig> {
  await tx.$executeRaw`INSERT INTO "TenantConfig" ("tenantId", "updatedAt") VALUES (${tenantId}::uuid, now())
    ON CONFLICT ("tenantId") DO NOTHING`;
  await tx.$queryRaw`SELECT 1 FROM "TenantConfig" WHERE "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  return sectionsOf(await tx.tenantConfig.findUniqueOrThrow({ where: { tenantId } }));
}

/** Custom CSS goes into the audit log as its size and hash, never as the stylesheet. */
function auditValue(path: string, value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined) return null;
  if (path === "branding.customCss" && typeof value === "string") {
    return { bytes: Buffer.byteLength(value), sha256: createHash("sha256").update(value).digest("hex") };
  }
  return value as Prisma.InputJsonValue;
}

function auditChanges(changes: ConfigChange[]): Prisma.InputJsonObject {
  return Object.fromEntries(
    changes.map(({ path, before, after }) => [path, { before: auditValue(path, before), after: auditValue(path, after) }]),
  );
}

export type ConfigUpdateOptions = {
  /** Limits are the platform's to set; a tenant's own principals may not. */
  mayChangeLimits: boolean;
};

/**
 * Deep-merges a patch onto the tenant's config (null removes a key), checks
 * the plan and the brand colours, validates the merged whole and stores it
 * with its audit entry in one transaction. Afterwards every instance drops
 * its cached snapshot and brand, so the next request sees the change.
 */
export async function updateTenantConfig(
  tenantId: string,
  patch: TenantConfigPatch,
  actor: Actor,
  options: ConfigUpdateOptions,
): Promise<TenantConfigView & { warnings: ConfigWarning[] }> {
  if (patch.limits !== undefined && !options.mayChangeLimits) {
    throw forbidden(
      "insufficient_permissions",
      "Limits are set by the platform (PATCH /tenants/{id}); they are read-only in the tenant's config.",
    );
  }
  const { plan, config, changed } = await withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId } });
    if (!tenant) throw notFound("The tenant");
    assertPlanAllows(tenant.plan, patch);
    const before = await lockConfig(tx, tenantId);
    const merged = tenantConfigSchema.parse(mergeConfig(before, patch)) as StoredConfig;
    if (patch.branding?.primaryColor !== undefined || patch.branding?.accentColor !== undefined) {
      assertReadableColors(merged.branding);
    }
    const changes = diffConfig(before, merged);
    if (changes.length > 0) {
      await tx.tenantConfig.update({ where: { tenantId }, data: merged as Prisma.TenantConfigUpdateInput });
      await recordAudit(tx, {
        tenantId,
        actor,
        action: "config.updated",
        targetType: "tenant_config",
        targetId: tenantId,
        metadata: { changes: auditChanges(changes) },
      });
    }
    return { plan: tenant.plan, config: merged, changed: changes.length > 0 };
  });
  if (changed) {
    await announceTenantChange(tenantId);
    invalidateTenantConfig(tenantId);
  }
  const css = patch.branding?.customCss;
  return { ...toView(plan, config), warnings: typeof css === "string" ? customCssWarnings(css) : [] };
}
