import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import type { Content, Prisma } from "@/lib/db/generated/prisma/client";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { notFound } from "@/lib/http/errors";
import { lockTenantLimit } from "@/lib/tenants/limit-lock";
import { recordStorageUsage } from "@/lib/usage/storage";
import { afterCursor, escapeLike, NEWEST_FIRST, toPage } from "@/lib/api/pagination";
import { isUuid } from "@/lib/http/ids";
import { checkContentLimits, type ContentTenant, contentSizeBytes, requireKindAllowed } from "./policy";
import type { CreateContentInput, ListContentQuery, UpdateContentInput } from "./schemas";

export type ContentJson = ReturnType<typeof toContentJson>;

export function toContentJson(row: Content) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Newest first, filtered by kind and by a case-insensitive part of the title. */
export async function listContent(tenantId: string, query: ListContentQuery) {
  const where: Prisma.ContentWhereInput = {
    tenantId,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.q ? { title: { contains: escapeLike(query.q), mode: "insensitive" } } : {}),
    ...afterCursor(query.cursor),
  };
  const rows = await withTenant(tenantId, (tx) =>
    tx.content.findMany({ where, orderBy: [...NEWEST_FIRST], take: query.limit + 1 }),
  );
  return toPage(rows, query.limit, toContentJson);
}

export async function getContent(tenantId: string, id: string): Promise<ContentJson> {
  return toContentJson(await withTenant(tenantId, (tx) => findOrThrow(tx, tenantId, id)));
}

// Another tenant's row is invisible under row-level security, so it is not found like a missing one.
async function findOrThrow(tx: Tx, tenantId: string, id: string): Promise<Content> {
  const row = isUuid(id) ? await tx.content.findFirst({ where: { id, tenantId } }) : null;
  if (!row) throw notFound("The content item");
  return row;
}

export async function createContent(tenant: ContentTenant, input: CreateContentInput, actor: AuditActor): Promise<ContentJson> {
  requireKindAllowed(tenant, input.kind);
  const sizeBytes = contentSizeBytes(input.title, input.body);
  return withTenant(tenant.id, async (tx) => {
    await lockTenantLimit(tx, tenant.id, "content");
    await lockTenantLimit(tx, tenant.id, "storageBytes"); // shared with brand-image uploads
    await checkContentLimits(tx, tenant, { items: 1, bytes: sizeBytes });
    const createdById = await authorId(tx, tenant.id, actor);
    const row = await tx.content.create({ data: { tenantId: tenant.id, ...input, sizeBytes, createdById } });
    await recordStorageUsage(tx, tenant.id);
    await audit(tx, actor, "content.created", row);
    return toContentJson(row);
  });
}

/**
 * Writing content of a kind needs that kind's feature, also when editing an
 * item made before the feature was switched off; deleting never does, so a
 * tenant can always clean up. Only growth is checked against storage.
 */
export async function updateContent(
  tenant: ContentTenant,
  id: string,
  patch: UpdateContentInput,
  actor: AuditActor,
): Promise<ContentJson> {
  return withTenant(tenant.id, async (tx) => {
    await lockTenantLimit(tx, tenant.id, "content");
    await lockTenantLimit(tx, tenant.id, "storageBytes"); // shared with brand-image uploads
    const before = await findOrThrow(tx, tenant.id, id);
    const next = { kind: before.kind, title: before.title, body: before.body, ...patch };
    requireKindAllowed(tenant, next.kind);
    const sizeBytes = contentSizeBytes(next.title, next.body);
    await checkContentLimits(tx, tenant, { items: 0, bytes: sizeBytes - before.sizeBytes });
    const row = await tx.content.update({ where: { id: before.id }, data: { ...next, sizeBytes } });
    await recordStorageUsage(tx, tenant.id);
    await audit(tx, actor, "content.updated", row, { changed: Object.keys(patch) });
    return toContentJson(row);
  });
}

export async function deleteContent(tenantId: string, id: string, actor: AuditActor): Promise<void> {
  await withTenant(tenantId, async (tx) => {
    await lockTenantLimit(tx, tenantId, "content");
    await lockTenantLimit(tx, tenantId, "storageBytes");
    const row = await findOrThrow(tx, tenantId, id);
    await tx.content.delete({ where: { id: row.id } });
    await recordStorageUsage(tx, tenantId);
    await audit(tx, actor, "content.deleted", row);
  });
}

/** The signed-in member who wrote it; keys, the system and platform operators are not members of the tenant. */
async function authorId(tx: Tx, tenantId: string, actor: AuditActor): Promise<string | undefined> {
  const userId = actor && (!("type" in actor) || actor.type === "USER") ? actor.id : undefined;
  if (!userId) return undefined;
  const member = await tx.user.findFirst({ where: { id: userId, tenantId }, select: { id: true } });
  return member?.id;
}

function audit(tx: Tx, actor: AuditActor, action: string, row: Content, metadata: Prisma.InputJsonObject = {}) {
  return recordAudit(tx, {
    tenantId: row.tenantId,
    actor,
    action,
    targetType: "content",
    targetId: row.id,
    metadata: { kind: row.kind, title: row.title, sizeBytes: row.sizeBytes, ...metadata },
  });
}
