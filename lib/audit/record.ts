import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";

/** Who did something: a signed-in user (id, email), or the system when absent. */
export type AuditActor = { id: string; email: string } | null | undefined;

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
      actorType: entry.actor ? "USER" : "SYSTEM",
      actorId: entry.actor?.id,
      actorLabel: entry.actor?.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: entry.metadata ?? {},
    },
  });
}
