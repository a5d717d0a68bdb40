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
 * One row, written now, for an attempt on an existing account that got in:
 * labelled with the account's own address, never with what was typed. It
 * also counts the user as active today (tenants) or stamps the last sign-in
 * (platform).
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

// Refusals are written behind, like usage metering, every flush interval, so
// no refusal waits for a database write: a failure for an existing account
// answers as fast as one for an unknown address (no timing oracle). An
// existing account's failure keeps a row of its own (its time, address and
// agent); everything else (unknown addresses, throttled and busy answers) is
// counted: one row per host, action and account per interval, with a count
// and the number of client addresses, so a flood writes a few rows instead
// of one per attempt, and no attacker-typed address reaches the log.
export const SIGN_IN_AUDIT_FLUSH_MS = 5_000;
const MAX_ADDRESSES = 1_000;
// Beyond this many rows waiting, account failures are counted instead.
const MAX_QUEUED_ROWS = 5_000;

type Row = {
  tenantId: string | null;
  actorType: "USER";
  actorId: string;
  actorLabel: string;
  action: SignInAuditAction;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
};

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
  __liverySignInAuditRows?: Row[];
  __liverySignInAuditTimer?: ReturnType<typeof setInterval>;
  __liverySignInAuditFlushing?: Promise<void>;
};
const pendingMap = () => (slot.__liverySignInAudit ??= new Map());

function startTimer(): void {
  if (slot.__liverySignInAuditTimer) return;
  slot.__liverySignInAuditTimer = setInterval(() => void flushSignInAudit(), SIGN_IN_AUDIT_FLUSH_MS);
  slot.__liverySignInAuditTimer.unref?.();
}

/** A refused attempt on an existing account: its own row, written at the next flush. */
export function queueAccountFailure(attempt: Attempt, action: SignInAuditAction, account: Account): void {
  const rows = (slot.__liverySignInAuditRows ??= []);
  if (rows.length >= MAX_QUEUED_ROWS) return countAttempt(attempt, action, account);
  rows.push({
    tenantId: attempt.tenantId,
    actorType: "USER",
    actorId: account.id,
    actorLabel: account.email,
    action,
    ip: attempt.ip?.slice(0, 45) ?? null,
    userAgent: attempt.userAgent?.slice(0, 500) ?? null,
    createdAt: new Date(),
  });
  startTimer();
}

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
  startTimer();
}

/** The queued rows, one createMany per host; rows that fail to write go back for the next flush. */
async function writeRows(rows: Row[]): Promise<void> {
  const hosts = new Map<string | null, Row[]>();
  for (const row of rows) hosts.set(row.tenantId, [...(hosts.get(row.tenantId) ?? []), row]);
  for (const [tenantId, batch] of hosts) {
    try {
      await onHost(tenantId, (tx) => tx.auditLog.createMany({ data: batch }));
    } catch (error) {
      if ((error as { code?: string }).code === "P2003" || /foreign key/i.test((error as Error).message)) continue;
      console.error(`[auth] sign-in audit flush failed, will retry: ${(error as Error).message}`);
      (slot.__liverySignInAuditRows ??= []).unshift(...batch);
    }
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
  const rows = slot.__liverySignInAuditRows ?? [];
  if (batch.size === 0 && rows.length === 0) return;
  slot.__liverySignInAudit = new Map();
  slot.__liverySignInAuditRows = [];
  slot.__liverySignInAuditFlushing = (async () => {
    await writeRows(rows);
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
