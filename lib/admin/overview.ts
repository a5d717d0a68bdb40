import "server-only";
import { withPlatform } from "@/lib/db/platform";
import { TENANT_VIEW_INCLUDE, toTenantView } from "@/lib/tenants/view";
import { memo } from "./memo";

/** How long the platform aggregates may be old; the page says "as of". */
export const OVERVIEW_TTL_MS = 60_000;

export type PlatformOverview = {
  at: string;
  byPlanStatus: { plan: string; status: string; count: number }[];
  newThisMonth: number;
  apiCallsToday: number;
  apiCallsByDay: { day: string; value: number }[];
  nearLimits: { id: string; slug: string; name: string; limit: "users" | "apiKeys"; used: number; allowed: number }[];
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The overview's figures. Costs (see docs/admin.md): the plan × status count
 * reads every Tenant row once (a grouped count, no joins); new this month is
 * a range on Tenant(createdAt); the API calls read the last 30 days of
 * TenantUsageMetric; near-limits takes the 50 tenants with most members and
 * most usable keys (grouped counts) and compares those with their limits.
 * All of it once a minute at most per instance (memo), not on every view.
 */
export function getPlatformOverview(): Promise<PlatformOverview> {
  return memo("overview", OVERVIEW_TTL_MS, computeOverview);
}

async function computeOverview(): Promise<PlatformOverview> {
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(now.getTime() - 29 * 86_400_000);
  return withPlatform(async (tx) => {
    const [byPlanStatus, newThisMonth, calls, userHeavy, keyHeavy] = await Promise.all([
      tx.$queryRaw<{ plan: string; status: string; count: number }[]>`
        SELECT "plan"::text AS plan, "status"::text AS status, count(*)::int AS count FROM "Tenant" GROUP BY 1, 2 ORDER BY 1, 2`,
      tx.tenant.count({ where: { createdAt: { gte: monthStart } } }),
      tx.$queryRaw<{ day: Date; total: bigint }[]>`
        SELECT "day", sum("apiCalls")::bigint AS total FROM "TenantUsageMetric"
        WHERE "day" >= ${day(from)}::date GROUP BY "day" ORDER BY "day"`,
      tx.$queryRaw<{ tenantId: string; used: number }[]>`
        SELECT "tenantId", count(*)::int AS used FROM "User" WHERE "tenantId" IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC LIMIT 50`,
      tx.$queryRaw<{ tenantId: string; used: number }[]>`
        SELECT "tenantId", count(DISTINCT "chainId")::int AS used FROM "TenantApiKey"
        WHERE ("revokedAt" IS NULL OR "revokedAt" > now()) AND ("expiresAt" IS NULL OR "expiresAt" > now())
        GROUP BY 1 ORDER BY 2 DESC LIMIT 50`,
    ]);
    const ids = [...new Set([...userHeavy, ...keyHeavy].map((row) => row.tenantId))];
    const tenants = ids.length ? await tx.tenant.findMany({ where: { id: { in: ids } }, include: TENANT_VIEW_INCLUDE }) : [];
    const views = new Map(tenants.map((t) => [t.id, toTenantView(t)]));
    const nearLimits = [
      ...userHeavy.map((row) => ({ ...row, limit: "users" as const })),
      ...keyHeavy.map((row) => ({ ...row, limit: "apiKeys" as const })),
    ]
      .flatMap((row) => {
        const view = views.get(row.tenantId);
        const allowed = view?.limits[row.limit];
        return view && allowed
          ? [{ id: view.id, slug: view.slug, name: view.name, limit: row.limit, used: row.used, allowed }]
          : [];
      })
      .sort((a, b) => b.used / b.allowed - a.used / a.allowed)
      .slice(0, 5);
    const byDay = new Map(calls.map((row) => [day(row.day), Number(row.total)]));
    const apiCallsByDay = Array.from({ length: 30 }, (_, i) => {
      const d = day(new Date(from.getTime() + i * 86_400_000));
      return { day: d, value: byDay.get(d) ?? 0 };
    });
    return {
      at: now.toISOString(),
      byPlanStatus,
      newThisMonth,
      apiCallsToday: byDay.get(day(now)) ?? 0,
      apiCallsByDay,
      nearLimits,
    };
  });
}

/** The newest audit entries across the platform (index on AuditLog(createdAt desc)); not memoised, it is one range read. */
export function latestAuditEntries(take = 8) {
  return withPlatform((tx) =>
    tx.auditLog.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      include: { tenant: { select: { slug: true } } },
    }),
  );
}
