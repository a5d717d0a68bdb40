import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { withPlatform } from "@/lib/db/platform";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { hashPassword, passwordSchema, verifyPassword } from "./passwords";
import type { SessionUser } from "./session";

export type ActionResult = { ok: boolean; message: string; fieldErrors?: Record<string, string> };

function asUser<T>(user: SessionUser, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return user.tenantId ? withTenant(user.tenantId, fn) : withPlatform(fn);
}

function audit(tx: Tx, user: SessionUser, action: string) {
  return recordAudit(tx, { tenantId: user.tenantId, actor: user, action, targetType: "user", targetId: user.id });
}

/** Changing the password also ends every session, this one included. */
export async function changePassword(user: SessionUser, current: string, next: string): Promise<ActionResult> {
  const stored = await asUser(user, (tx) => tx.user.findUniqueOrThrow({ where: { id: user.id } }));
  if (!(await verifyPassword(current, stored.passwordHash))) {
    return {
      ok: false,
      message: "The password was not changed.",
      fieldErrors: { currentPassword: "is not your current password" },
    };
  }
  const rules = passwordSchema(user.email).safeParse(next);
  if (!rules.success) {
    return { ok: false, message: "The password was not changed.", fieldErrors: { newPassword: rules.error.issues[0]!.message } };
  }
  const passwordHash = await hashPassword(next);
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
