import "server-only";
import { withPlatform } from "@/lib/db/platform";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { recordTenantSignIn } from "@/lib/usage/active-users";

/** What sign-in writes to the audit log. */
export const SIGN_IN_AUDIT = {
  succeeded: "auth.sign_in_succeeded",
  failed: "auth.sign_in_failed",
  /** One row per host and flush interval: failures for addresses that have no account here. */
  failedUnknown: "auth.sign_in_failed_unknown",
  /** One row per account (or per host, for unknown addresses) and flush interval. */
  throttled: "auth.sign_in_throttled",
  busy: "auth.sign_in_busy",
  ssoSucceeded: "auth.sso_sign_in_succeeded",
  ssoRefused: "auth.sso_sign_in_refused",
  ssoLinkRequired: "auth.sso_link_required",
  ssoLinked: "auth.sso_linked",
} as const;
export type SignInAuditAction = (typeof SIGN_IN_AUDIT)[keyof typeof SIGN_IN_AUDIT];

export type Attempt = { email: string; tenantId: string | null; ip?: string; userAgent?: string };
type Account = { id: string; email: string };

function onHost<T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tenantId ? withTenant(tenantId, fn) : withPlatform(fn);
}

/**
 * One row for an attempt on an existing account: labelled with the
 * account's own address, never with what was typed. A success also counts
 * the user as active today (tenants) or stamps the last sign-in (platform).
 */
export async function auditAccountAttempt(attempt: Attempt, action: SignInAuditAction, account: Account): Promise<void> {
  await onHost(attempt.tenantId, async (tx) => {
    await tx.auditLog.create({
      data: {
        tenantId: attempt.tenantId,
        actorType: "USER",
        actorId: account.id,
        actorLabel: account.email,
        action,
        ip: attempt.ip?.slice(0, 45) ?? null,
        userAgent: attempt.userAgent?.slice(0, 500) ?? null,
      },
    });
    if (action !== SIGN_IN_AUDIT.succeeded && action !== SIGN_IN_AUDIT.ssoSucceeded) return;
    if (attempt.tenantId) await recordTenantSignIn(tx, attempt.tenantId, account.id);
    else await tx.user.update({ where: { id: account.id }, data: { lastSignInAt: new Date() } });
  });
}

// Everything else (failures for unknown addresses, throttled and busy
// answers) is counted in memory and written like usage metering: one row per
// host, action and account per interval, with a count and the number of
// client addresses, so a flood writes a few rows instead of one per attempt,
// and no attacker-typed address ever reaches the log.
export const SIGN_IN_AUDIT_FLUSH_MS = 5_000;
const MAX_ADDRESSES = 1_000;

type Pending = {
  tenantId: string | null;
  action: SignInAuditAction;
  account: Account | null;
  count: number;
  addresses: Set<string>;
  from: Date;
  to: Date;
};

const slot = globalThis as typeof globalThis & {
  __liverySignInAudit?: Map<string, Pending>;
  __liverySignInAuditTimer?: ReturnType<typeof setInterval>;
  __liverySignInAuditFlushing?: Promise<void>;
};
const pendingMap = () => (slot.__liverySignInAudit ??= new Map());

export function countAttempt(attempt: Attempt, action: SignInAuditAction, account: Account | null = null): void {
  const key = `${attempt.tenantId ?? "platform"}|${action}|${account?.id ?? ""}`;
  const now = new Date();
  let entry = pendingMap().get(key);
  if (!entry) {
    // Only the id and address are kept (not the row, with its password hash).
    const who = account && { id: account.id, email: account.email };
    entry = { tenantId: attempt.tenantId, action, account: who, count: 0, addresses: new Set(), from: now, to: now };
    pendingMap().set(key, entry);
  }
  entry.count += 1;
  entry.to = now;
  if (attempt.ip && entry.addresses.size < MAX_ADDRESSES) entry.addresses.add(attempt.ip);
  if (!slot.__liverySignInAuditTimer) {
    slot.__liverySignInAuditTimer = setInterval(() => void flushSignInAudit(), SIGN_IN_AUDIT_FLUSH_MS);
    slot.__liverySignInAuditTimer.unref?.();
  }
}

async function write(entry: Pending): Promise<void> {
  await onHost(entry.tenantId, (tx) =>
    tx.auditLog.create({
      data: {
        tenantId: entry.tenantId,
        actorType: entry.account ? "USER" : "SYSTEM",
        actorId: entry.account?.id ?? null,
        actorLabel: entry.account?.email ?? null,
        action: entry.action,
        metadata: {
          count: entry.count,
          addresses: entry.addresses.size,
          from: entry.from.toISOString(),
          to: entry.to.toISOString(),
        },
      },
    }),
  );
}

/** Writes every pending count; what fails to write (database down) is kept for the next flush. */
export async function flushSignInAudit(): Promise<void> {
  while (slot.__liverySignInAuditFlushing) await slot.__liverySignInAuditFlushing;
  const batch = pendingMap();
  if (batch.size === 0) return;
  slot.__liverySignInAudit = new Map();
  slot.__liverySignInAuditFlushing = (async () => {
    for (const [key, entry] of batch) {
      try {
        await write(entry);
      } catch (error) {
        // A tenant deleted meanwhile has no log to write to.
        if ((error as { code?: string }).code === "P2003" || /foreign key/i.test((error as Error).message)) continue;
        console.error(`[auth] sign-in audit flush failed, will retry: ${(error as Error).message}`);
        const again = pendingMap().get(key);
        if (!again) pendingMap().set(key, entry);
        else {
          again.count += entry.count;
          again.from = entry.from;
          for (const ip of entry.addresses) if (again.addresses.size < MAX_ADDRESSES) again.addresses.add(ip);
        }
      }
    }
    slot.__liverySignInAuditFlushing = undefined;
  })();
  await slot.__liverySignInAuditFlushing;
}
