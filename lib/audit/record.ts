import "server-only";
import { auditLabelOf } from "@/lib/auth/member";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";

/**
 * Who did something: a signed-in user (id, email), the system when absent, or
 * a full actor from the REST API (which also knows the key, address and agent).
 */
export type AuditActor = { id: string; email: string; actingUntil?: number } | Actor | null | undefined;

export type Actor = {
  type: "USER" | "TENANT_API_KEY" | "PLATFORM_API_KEY" | "SYSTEM";
  id?: string;
  label?: string;
  ip?: string | null;
  userAgent?: string | null;
};

function actorFields(actor: AuditActor) {
  if (!actor) return { actorType: "SYSTEM" as const };
  if ("type" in actor) {
    return {
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip ?? undefined,
      userAgent: actor.userAgent?.slice(0, 500) ?? undefined,
    };
  }
  return { actorType: "USER" as const, actorId: actor.id, actorLabel: auditLabelOf(actor) };
}

type Entry = {
  tenantId: string | null;
  actor: AuditActor;
  action: string;
  targetType: string;
  targetId: string;
  metadata?: Prisma.InputJsonObject;
};

/**
 * Writes an audit entry in the caller's transaction, so the entry exists if
 * and only if the change it describes does.
 */
export function recordAudit(tx: Tx, entry: Entry) {
  return tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      ...actorFields(entry.actor),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: entry.metadata ?? {},
    },
  });
}
