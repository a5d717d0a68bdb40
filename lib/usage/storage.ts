import "server-only";
import type { BrandAssetKind } from "@/lib/db/generated/prisma/enums";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { utcDay } from "./meter";

/** Bytes the tenant stores: content bodies and brand assets. */
export async function storageUsedBytes(tx: Tx, tenantId: string, excludeAssetKind?: BrandAssetKind): Promise<number> {
  const [content, assets] = await Promise.all([
    tx.content.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } }),
    tx.tenantBrandAsset.aggregate({
      where: { tenantId, ...(excludeAssetKind ? { kind: { not: excludeAssetKind } } : {}) },
      _sum: { sizeBytes: true },
    }),
  ]);
  return (content._sum.sizeBytes ?? 0) + (assets._sum.sizeBytes ?? 0);
}

/**
 * Storage is a level, not a flow: a day's row starts with the latest earlier
 * day's figure, so a day with API calls but no content change still shows
 * what the tenant stores. Use as the inserted value of `storageBytes` in every
 * INSERT of a new day row.
 */
export function carriedStorage(tenantId: string, day: string): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT "storageBytes" FROM "TenantUsageMetric"
    WHERE "tenantId" = ${tenantId}::uuid AND "day" < ${day}::date ORDER BY "day" DESC LIMIT 1), 0)`;
}

/**
 * Sets today's storage figure to what the tenant stores now. Called in the
 * transaction of every change to stored bytes, so the figure commits with it.
 */
export async function recordStorageUsage(tx: Tx, tenantId: string): Promise<void> {
  const bytes = await storageUsedBytes(tx, tenantId);
  await tx.$executeRaw`
    INSERT INTO "TenantUsageMetric" ("id", "tenantId", "day", "storageBytes", "updatedAt")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, ${utcDay()}::date, ${bytes}, now())
    ON CONFLICT ("tenantId", "day") DO UPDATE SET "storageBytes" = EXCLUDED."storageBytes", "updatedAt" = now()`;
}
