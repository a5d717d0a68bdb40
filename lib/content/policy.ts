import "server-only";
import type { ContentKind } from "@/lib/db/generated/prisma/enums";
import { storageUsedBytes } from "@/lib/usage/storage";
import type { Tx } from "@/lib/db/tenant";
import { ApiError, forbidden, planRequired } from "@/lib/http/errors";
import { cheapestPlanWith, planIncludes } from "@/lib/tenants/plans";
import type { TenantSnapshot } from "@/lib/tenants/status";
import { KIND_FEATURE } from "./schemas";

/** What content rules need to know about a tenant: its effective features and limits. */
export type ContentTenant = Pick<TenantSnapshot, "id" | "plan" | "features" | "limits">;

/** What a title and body cost in storage: their UTF-8 bytes. */
export function contentSizeBytes(title: string, body: string): number {
  return Buffer.byteLength(title, "utf8") + Buffer.byteLength(body, "utf8");
}

/**
 * Articles are always allowed; other kinds need their feature. A plan that
 * includes it but a tenant that switched it off is `feature_disabled` (the
 * tenant can switch it on); a plan without it is `plan_required`.
 */
export function requireKindAllowed(tenant: ContentTenant, kind: ContentKind): void {
  if (kind === "article") return;
  const feature = KIND_FEATURE[kind];
  if (tenant.features[feature]) return;
  if (planIncludes(tenant.plan, feature)) {
    throw forbidden("feature_disabled", `Content of kind ${kind} needs the ${feature} feature, which is switched off.`);
  }
  throw planRequired(`Content of kind ${kind} needs the ${cheapestPlanWith(feature)} plan or higher.`);
}

/**
 * Refuses a change that would take the tenant past its item or storage
 * limit. Call after lockTenantLimit(tx, tenantId, "content") so the counts
 * cannot change before the transaction commits.
 */
export async function checkContentLimits(tx: Tx, tenant: ContentTenant, change: { items: number; bytes: number }): Promise<void> {
  const { contentItems, storageBytes } = tenant.limits;
  if (change.items > 0) {
    const items = await tx.content.count({ where: { tenantId: tenant.id } });
    if (items + change.items > contentItems) {
      throw new ApiError(
        "limit_exceeded",
        403,
        `Content limit reached: the plan allows ${contentItems} items and ${items} exist.`,
      );
    }
  }
  if (change.bytes > 0) {
    const used = await storageUsedBytes(tx, tenant.id);
    if (used + change.bytes > storageBytes) {
      throw new ApiError(
        "limit_exceeded",
        403,
        `Storage limit reached: the plan allows ${storageBytes} bytes, ${used} are used and this change needs ${change.bytes} more.`,
      );
    }
  }
}
