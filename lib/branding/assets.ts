import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import { invalidateTenantConfig } from "@/lib/config/invalidate";
import { lockTenantLimit } from "@/lib/tenants/limit-lock";
import { announceTenantChange } from "@/lib/tenants/status";
import { recordStorageUsage, storageUsedBytes } from "@/lib/usage/storage";
import { createHash } from "node:crypto";
import { limitsSchema } from "@/lib/config/schemas";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { BrandAssetKind } from "@/lib/db/generated/prisma/enums";
import { withTenant } from "@/lib/db/tenant";
import { ApiError } from "@/lib/http/errors";
import { effectiveLimits } from "@/lib/tenants/plans";
import { sniffImageType } from "./image-type";

export const BRAND_ASSET_MAX_BYTES = 512 * 1024;
export const brandAssetPath = (id: string) => `/brand-assets/${id}`;

const BRANDING_FIELD = { LOGO: "logoUrl", FAVICON: "faviconUrl" } as const satisfies Record<BrandAssetKind, string>;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * Stores a logo or favicon, replacing the previous one of that kind, and
 * points the tenant's branding at it. The bytes decide the type; a declared
 * type that disagrees is refused. Counts toward the plan's storage, checked
 * under a per-tenant lock so two uploads at the limit cannot both pass.
 */
export async function uploadBrandAsset(
  tenantId: string,
  kind: BrandAssetKind,
  bytes: Uint8Array,
  declaredType?: string,
  actor?: AuditActor,
) {
  if (bytes.byteLength === 0)
    throw new ApiError("validation_failed", 422, "The file is empty.", [{ path: ["file"], message: "is empty" }]);
  if (bytes.byteLength > BRAND_ASSET_MAX_BYTES) {
    throw new ApiError(
      "payload_too_large",
      413,
      `Logos and favicons may be at most 512 KB; this file is ${formatBytes(bytes.byteLength)}.`,
    );
  }
  const contentType = sniffImageType(bytes);
  if (!contentType)
    throw new ApiError("unsupported_media_type", 415, "Logos and favicons must be PNG, JPEG, WebP or SVG images.");
  if (declaredType && declaredType.split(";")[0]!.trim().toLowerCase() !== contentType) {
    throw new ApiError("validation_failed", 422, `The file is ${contentType} but was sent as ${declaredType}.`, [
      { path: ["file"], message: "type mismatch" },
    ]);
  }

  const uploaded = await withTenant(tenantId, async (tx) => {
    await lockTenantLimit(tx, tenantId, "storageBytes");
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: true } });
    const overrides = limitsSchema.safeParse(tenant.config?.limits ?? {});
    const limit = effectiveLimits(tenant.plan, overrides.success ? overrides.data : {}).storageBytes;
    const used = await storageUsedBytes(tx, tenantId, kind);
    if (used + bytes.byteLength > limit) {
      throw new ApiError(
        "limit_exceeded",
        403,
        `Storage limit reached: ${formatBytes(used)} of ${formatBytes(limit)} used, and this file needs ${formatBytes(bytes.byteLength)}.`,
      );
    }
    await tx.tenantBrandAsset.deleteMany({ where: { tenantId, kind } });
    const asset = await tx.tenantBrandAsset.create({
      data: {
        tenantId,
        kind,
        contentType,
        sizeBytes: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        data: new Uint8Array(bytes),
      },
      select: { id: true, contentType: true, sizeBytes: true, sha256: true },
    });
    const branding = {
      ...((tenant.config?.branding ?? {}) as Prisma.JsonObject),
      [BRANDING_FIELD[kind]]: brandAssetPath(asset.id),
    };
    await tx.tenantConfig.upsert({ where: { tenantId }, create: { tenantId, branding }, update: { branding } });
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "branding.asset_uploaded",
      targetType: "brand_asset",
      targetId: asset.id,
      metadata: { kind, contentType, sizeBytes: bytes.byteLength },
    });
    await recordStorageUsage(tx, tenantId);
    return { ...asset, url: brandAssetPath(asset.id) };
  });
  // The new image is part of the brand: every page of the tenant shows it on its next request.
  await announceTenantChange(tenantId);
  invalidateTenantConfig(tenantId);
  return uploaded;
}

/** An asset of this tenant (row-level security hides every other tenant's). */
export function findBrandAsset(tenantId: string, id: string) {
  return withTenant(tenantId, (tx) => tx.tenantBrandAsset.findFirst({ where: { id, tenantId } }));
}
