import "server-only";
import { withPlatform } from "@/lib/db/platform";
import { type Tx, withTenant } from "@/lib/db/tenant";

/** Who the provider says someone is, for good: its issuer and subject (never the email, which can change hands). */
export type ExternalIdentity = { issuer: string; subject: string };

type Host = { tenantId: string | null };

// Tenant users' links live in their tenant (row-level security); super-admins'
// in the platform's rows, like their accounts.
function onHost<T>({ tenantId }: Host, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tenantId ? withTenant(tenantId, fn) : withPlatform(fn);
}

/**
 * The account on this host that the identity was linked to, if any. A
 * super-admin's link counts only while the account is still a super-admin.
 */
export function findLinkedAccount(host: Host, identity: ExternalIdentity) {
  return onHost(host, async (tx) => {
    const link = await tx.userIdentity.findFirst({
      where: { tenantId: host.tenantId, issuer: identity.issuer, subject: identity.subject },
      include: { user: true },
    });
    if (!link || link.user.tenantId !== host.tenantId) return null;
    if (!host.tenantId && link.user.role !== "SUPER_ADMIN") return null;
    await tx.userIdentity.update({ where: { id: link.id }, data: { lastUsedAt: new Date() } });
    return link.user;
  });
}

/**
 * Links the identity to an account whose owner has just proved it. One
 * identity per account and provider: a new subject from the same provider
 * replaces the old one. An identity already linked to another account stays
 * with it (false).
 */
export function linkIdentity(
  host: Host,
  userId: string,
  identity: ExternalIdentity,
  record: (tx: Tx) => Promise<unknown>,
): Promise<boolean> {
  return onHost(host, async (tx) => {
    const taken = await tx.userIdentity.findFirst({
      where: { tenantId: host.tenantId, issuer: identity.issuer, subject: identity.subject },
    });
    if (taken) return taken.userId === userId;
    await tx.userIdentity.deleteMany({ where: { userId, issuer: identity.issuer } });
    await tx.userIdentity.create({
      data: { tenantId: host.tenantId, userId, issuer: identity.issuer, subject: identity.subject },
    });
    await record(tx);
    return true;
  });
}
