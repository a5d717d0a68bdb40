import "server-only";
import { limitsSchema } from "@/lib/config/schemas";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { ROUTING_STATES } from "@/lib/domains/states";
import { notFound } from "@/lib/http/errors";
import { effectiveLimits, type Limits } from "./plans";
import type { TenantView } from "./schemas";
import { isUuid } from "@/lib/http/ids";

/** What a TenantView needs besides the Tenant row: the domains that route (verified or lapsing) and the limit overrides. */
export const TENANT_VIEW_INCLUDE = {
  domains: { where: { state: { in: [...ROUTING_STATES] } }, select: { hostname: true }, orderBy: { hostname: "asc" } },
  config: { select: { limits: true } },
} as const satisfies Prisma.TenantInclude;

type TenantRow = Prisma.TenantGetPayload<{ include: typeof TENANT_VIEW_INCLUDE }>;

/**
 * The stored overrides. They were validated on write; anything that no longer
 * parses (rules tightened since) counts as unset, as in status.ts.
 */
export function storedLimitOverrides(value: unknown): Partial<Limits> {
  return (limitsSchema.safeParse(value ?? {}).data ?? {}) as Partial<Limits>;
}

export function toTenantView(row: TenantRow): TenantView {
  const limitOverrides = storedLimitOverrides(row.config?.limits);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    plan: row.plan,
    status: row.status,
    suspendedReason: row.suspendedReason,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    domains: row.domains.map((domain) => domain.hostname),
    limits: effectiveLimits(row.plan, limitOverrides),
    limitOverrides,
  };
}

/** A path id that is not a UUID names no tenant: 404, like an id that does not exist (never a database error). */
export function assertTenantId(tenantId: string): void {
  if (!isUuid(tenantId)) throw notFound("The tenant");
}

export async function findTenantViewOrThrow(tx: Tx, tenantId: string): Promise<TenantView> {
  assertTenantId(tenantId);
  const row = await tx.tenant.findUnique({ where: { id: tenantId }, include: TENANT_VIEW_INCLUDE });
  if (!row) throw notFound("The tenant");
  return toTenantView(row);
}
