import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { withPlatform } from "@/lib/db/platform";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { PasswordWorkBusyError } from "./password-work";
import { hashPassword, passwordSchema, verifyPassword } from "./passwords";
import { signInThrottle } from "./sign-in";
import { POLICIES } from "./throttle";
import type { SessionUser } from "./session";

/** `retryAfterSeconds` is set when the refusal is for now only (backing off, or the hashing queue is full). */
export type PasswordChangeResult = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string>;
  retryAfterSeconds?: number;
};

function asUser<T>(user: SessionUser, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return user.tenantId ? withTenant(user.tenantId, fn) : withPlatform(fn);
}

function audit(tx: Tx, user: SessionUser, action: string) {
  return recordAudit(tx, { tenantId: user.tenantId, actor: user, action, targetType: "user", targetId: user.id });
}

const NOT_CHANGED = "The password was not changed.";
const BUSY: PasswordChangeResult = {
  ok: false,
  message: "The server is busy. Try again in a few seconds.",
  retryAfterSeconds: 2,
};

/** Password work that may find the hashing queue full (lib/auth/password-work.ts): null then. */
async function unlessBusy<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PasswordWorkBusyError) return null;
    throw error;
  }
}

function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Changing the password also ends every session, this one included. The new
 * password's rules are checked first, so a weak one is refused without
 * consulting the current password (H11); wrong current passwords back off
 * like sign-in, per account, in the same store (lib/auth/throttle.ts).
 */
export async function changePassword(user: SessionUser, current: string, next: string): Promise<PasswordChangeResult> {
  const rules = passwordSchema(user.email).safeParse(next);
  if (!rules.success) {
    return { ok: false, message: NOT_CHANGED, fieldErrors: { newPassword: rules.error.issues[0]!.message } };
  }
  const keys = [{ key: `password-change:${user.id}`, policy: POLICIES.account }];
  const waitMs = await signInThrottle().waitMs(keys);
  if (waitMs > 0) {
    return {
      ok: false,
      message: `Too many wrong current passwords. Wait ${waitText(waitMs)}, then try again.`,
      fieldErrors: { currentPassword: "was entered wrongly too many times" },
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    };
  }
  const stored = await asUser(user, (tx) => tx.user.findUniqueOrThrow({ where: { id: user.id } }));
  const matches = await unlessBusy(verifyPassword(current, stored.passwordHash));
  if (matches === null) return BUSY;
  if (!matches) {
    await signInThrottle().recordFailure(keys);
    return { ok: false, message: NOT_CHANGED, fieldErrors: { currentPassword: "is not your current password" } };
  }
  await signInThrottle().recordSuccess(keys[0]!.key);
  const passwordHash = await unlessBusy(hashPassword(next));
  if (passwordHash === null) return BUSY;
  await asUser(user, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await audit(tx, user, "auth.password_changed");
  });
  return { ok: true, message: "Password changed. Sign in again with the new password." };
}

/** Every session made before now stops working, on every device. */
export async function signOutEverywhere(user: SessionUser): Promise<void> {
  await asUser(user, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await audit(tx, user, "auth.signed_out_everywhere");
  });
}
