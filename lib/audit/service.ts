import "server-only";
import type { AuditLog, Prisma } from "@/lib/db/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant";
import { afterCursor, escapeLike, NEWEST_FIRST, type Page, toPage } from "@/lib/api/pagination";
import type { AuditLogQuery } from "./schemas";

export type AuditEntryView = Omit<AuditLog, "tenantId" | "metadata"> & { metadata: Prisma.JsonObject };

function toView(entry: AuditLog): AuditEntryView {
  const { id, action, actorType, actorId, actorLabel, targetType, targetId, ip, userAgent, metadata, createdAt } = entry;
  // recordAudit writes an object (default {}); the column's type admits any JSON, the API promises an object.
  const object = metadata !== null && typeof metadata === "object" && !Array.isArray(metadata) ? metadata : {};
  return { id, action, actorType, actorId, actorLabel, targetType, targetId, ip, userAgent, metadata: object, createdAt };
}

/**
 * `api_key.` matches every api_key action; anything else matches itself only.
 * Prisma hands startsWith to LIKE unescaped, where `_` would match any character.
 */
function actionFilter(action: string | undefined): Prisma.AuditLogWhereInput {
  if (!action) return {};
  return action.endsWith(".") ? { action: { startsWith: escapeLike(action) } } : { action };
}

/** The tenant's audit entries, newest first, one page at a time. */
export function listAuditLog(tenantId: string, query: AuditLogQuery): Promise<Page<AuditEntryView>> {
  const where: Prisma.AuditLogWhereInput = {
    tenantId,
    ...actionFilter(query.action),
    ...(query.actorType ? { actorType: query.actorType } : {}),
    ...(query.from || query.to ? { createdAt: { gte: query.from, lt: query.to } } : {}),
    AND: [afterCursor(query.cursor)],
  };
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.auditLog.findMany({ where, orderBy: [...NEWEST_FIRST], take: query.limit + 1 });
    return toPage(rows, query.limit, toView);
  });
}
