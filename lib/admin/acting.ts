import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { withPlatform } from "@/lib/db/platform";
import { ApiError, notFound } from "@/lib/http/errors";

/**
 * "Open as admin": a super-admin opens one tenant's own admin screens on the
 * tenant's host. Sessions are bound to their host (lib/auth/session.ts), so
 * the platform session cannot be borrowed there; instead the dashboard issues
 * a one-time ticket, the tenant host exchanges it for an acting session of
 * its own, and that session is re-checked on every request against the
 * super-admin's platform account. Everything done in it is audited under the
 * super-admin's own id and email.
 */

/** How long a ticket may wait before it is exchanged. */
export const TICKET_TTL_MS = 60_000;
/** How long an acting session lasts, however active: it is not renewed. */
export const ACTING_SESSION_MS = 60 * 60_000;

const hashOf = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** A ticket for this super-admin and tenant, audited as opened. Only an active tenant's portal can be opened. */
export async function issueActingTicket(tenantId: string, userId: string, actor: Actor): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await withPlatform(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
    if (!tenant) throw notFound("The tenant");
    if (tenant.status !== "ACTIVE") {
      throw new ApiError("tenant_suspended", 403, "A suspended tenant's portal cannot be opened. Activate it first.");
    }
    await tx.actingTicket.create({
      data: { tenantId, userId, tokenHash: hashOf(secret), expiresAt: new Date(Date.now() + TICKET_TTL_MS) },
    });
    await recordAudit(tx, { tenantId, actor, action: "tenant.opened_as_admin", targetType: "tenant", targetId: tenantId });
  });
  return secret;
}

export type ActingUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Exchanges a ticket on the tenant's host: good once, before it expires, for
 * the tenant it was made for, by a user who is still a super-admin.
 */
export async function redeemActingTicket(secret: string, tenantId: string): Promise<ActingUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return withPlatform(async (tx) => {
    const ticket = await tx.actingTicket.findUnique({ where: { tokenHash: hashOf(secret) } });
    if (!ticket || ticket.tenantId !== tenantId) return null;
    const claimed = await tx.actingTicket.updateMany({
      where: { id: ticket.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return null;
    const user = await tx.user.findFirst({ where: { id: ticket.userId, tenantId: null, role: "SUPER_ADMIN" } });
    return user && { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  });
}
