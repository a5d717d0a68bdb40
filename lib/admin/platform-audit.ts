import "server-only";
import { z } from "zod";
import { afterCursor, escapeLike, NEWEST_FIRST, toPage } from "@/lib/api/pagination";
import { auditLogQuerySchema } from "@/lib/audit/schemas";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { withPlatform } from "@/lib/db/platform";

/** The platform audit log's filters: the tenant log's, plus whose entries (platform-level only, or everyone's). */
export const platformAuditQuerySchema = auditLogQuerySchema.safeExtend({
  scope: z.enum(["all", "platform"]).default("all"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PlatformAuditQuery = z.output<typeof platformAuditQuerySchema>;

/**
 * Entries across the platform, newest first, in keyset pages on the
 * AuditLog(createdAt desc) index: platform-level ones (tenantId null: tenant
 * deletions, platform keys) and, with scope "all", every tenant's.
 */
export function listPlatformAudit(query: PlatformAuditQuery) {
  const where: Prisma.AuditLogWhereInput = {
    ...(query.scope === "platform" ? { tenantId: null } : {}),
    ...(query.action
      ? query.action.endsWith(".")
        ? { action: { startsWith: escapeLike(query.action) } }
        : { action: query.action }
      : {}),
    ...(query.actorType ? { actorType: query.actorType } : {}),
    AND: [afterCursor(query.cursor)],
  };
  return withPlatform(async (tx) => {
    const rows = await tx.auditLog.findMany({
      where,
      orderBy: [...NEWEST_FIRST],
      take: query.limit + 1,
      include: { tenant: { select: { slug: true } } },
    });
    return toPage(rows, query.limit, (row) => ({ ...row, tenant: row.tenant?.slug ?? null }));
  });
}
