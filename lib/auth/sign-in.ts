import "server-only";
import { recordTenantSignIn } from "@/lib/usage/active-users";
import { z } from "zod";
import type { UserRole } from "@/lib/db/generated/prisma/enums";
import { findSuperAdminByEmail, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { getRedis } from "@/lib/redis/client";
import { verifyPassword } from "./passwords";
import { MemoryFailureStore, RedisFailureStore, SignInThrottle } from "./throttle";

export const signInSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(1024),
});

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  tenantId: string | null;
  sessionVersion: number;
};
export type SignInResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled" };

const slot = globalThis as typeof globalThis & { __liveryThrottle?: SignInThrottle };

function throttle(): SignInThrottle {
  const redis = getRedis();
  slot.__liveryThrottle ??= new SignInThrottle(redis ? new RedisFailureStore(redis) : new MemoryFailureStore());
  return slot.__liveryThrottle;
}

type Attempt = { email: string; tenantId: string | null; ip?: string; userAgent?: string };

/**
 * Checks credentials for the host's tenant (or the platform, for
 * super-admins). Unknown email and wrong password give the same answer after
 * the same bcrypt work. Every outcome is audited.
 */
export async function authenticate(attempt: Attempt & { password: string }): Promise<SignInResult> {
  const email = attempt.email.toLowerCase();
  // Without a trustworthy client address (TRUSTED_PROXY_HOPS), only the
  // account is throttled: one shared "unknown" bucket would let anyone lock
  // everybody out.
  const keys = [`${attempt.tenantId ?? "platform"}:${email}`, ...(attempt.ip ? [`ip:${attempt.ip}`] : [])];
  if (await throttle().isThrottled(keys)) {
    await audit(attempt, "auth.sign_in_throttled", null);
    return { ok: false, reason: "throttled" };
  }
  const user = attempt.tenantId
    ? await withTenant(attempt.tenantId, (tx) =>
        tx.user.findUnique({ where: { tenantId_email: { tenantId: attempt.tenantId!, email } } }),
      )
    : await findSuperAdminByEmail(email);
  if (!(await verifyPassword(attempt.password, user?.passwordHash)) || !user) {
    await throttle().recordFailure(keys);
    await audit(attempt, "auth.sign_in_failed", null);
    return { ok: false, reason: "invalid" };
  }
  await throttle().recordSuccess(keys[0]!);
  await audit(attempt, "auth.sign_in_succeeded", user.id);
  const { id, name, role, tenantId, sessionVersion } = user;
  return { ok: true, user: { id, email, name, role, tenantId, sessionVersion } };
}

/**
 * A sign-in vouched for by the OpenID Connect provider (lib/auth/oidc.ts). The
 * provider proves who someone is, not that they belong here: the account must
 * already exist on this host, a member of the host's tenant or, on the
 * platform host, a super-admin. Audited like a password sign-in.
 */
export async function authenticateExternal(attempt: Attempt): Promise<SignInResult> {
  const email = attempt.email.toLowerCase();
  const user = attempt.tenantId
    ? await withTenant(attempt.tenantId, (tx) =>
        tx.user.findUnique({ where: { tenantId_email: { tenantId: attempt.tenantId!, email } } }),
      )
    : await findSuperAdminByEmail(email);
  if (!user) {
    await audit(attempt, "auth.sso_sign_in_refused", null);
    return { ok: false, reason: "invalid" };
  }
  await audit(attempt, "auth.sso_sign_in_succeeded", user.id);
  const { id, name, role, tenantId, sessionVersion } = user;
  return { ok: true, user: { id, email, name, role, tenantId, sessionVersion } };
}

async function audit(attempt: Attempt, action: string, userId: string | null): Promise<void> {
  const data = {
    tenantId: attempt.tenantId,
    actorType: "USER" as const,
    actorId: userId,
    actorLabel: attempt.email.toLowerCase().slice(0, 254),
    action,
    ip: attempt.ip?.slice(0, 45) ?? null,
    userAgent: attempt.userAgent?.slice(0, 500) ?? null,
  };
  if (attempt.tenantId) {
    const tenantId = attempt.tenantId;
    await withTenant(tenantId, async (tx) => {
      await tx.auditLog.create({ data });
      if (userId) await recordTenantSignIn(tx, tenantId, userId);
    });
  } else {
    await withPlatform(async (tx) => {
      await tx.auditLog.create({ data });
      if (userId) await tx.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
    });
  }
}
