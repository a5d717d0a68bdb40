import "server-only";
import { z } from "zod";
import type { UserRole } from "@/lib/db/generated/prisma/enums";
import { findSuperAdminByEmail, withPlatform } from "@/lib/db/platform";
import { withTenant } from "@/lib/db/tenant";
import { getEnv } from "@/lib/env";
import { getRedis } from "@/lib/redis/client";
import { type ExternalIdentity, findLinkedAccount, linkIdentity } from "./identities";
import { isKnownClient, rememberKnownClient } from "./known-client";
import { PasswordWorkBusyError } from "./password-work";
import { hashPassword, needsRehash, verifyPassword } from "./passwords";
import type { PendingLink } from "./pending-link";
import { type Attempt, auditAccountAttempt, countAttempt, queueAccountFailure, SIGN_IN_AUDIT } from "./sign-in-audit";
import { MemoryFailureStore, POLICIES, RedisFailureStore, SignInThrottle, type ThrottleKey } from "./throttle";

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
type Refusal = { ok: false; reason: "invalid" } | { ok: false; reason: "throttled" | "busy"; retryAfterSeconds: number };
/** On success, `knownClient` is the known-client cookie's new value (lib/auth/known-client.ts). */
export type SignInResult = { ok: true; user: AuthenticatedUser; knownClient: string } | Refusal;
export type ExternalSignInResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "link_required"; pending: Omit<PendingLink, "expires"> };

const slot = globalThis as typeof globalThis & { __liveryThrottle?: SignInThrottle };

export function signInThrottle(): SignInThrottle {
  const redis = getRedis();
  slot.__liveryThrottle ??= new SignInThrottle(redis ? new RedisFailureStore(redis) : new MemoryFailureStore());
  return slot.__liveryThrottle;
}

function findAccount(tenantId: string | null, email: string) {
  return tenantId
    ? withTenant(tenantId, (tx) => tx.user.findUnique({ where: { tenantId_email: { tenantId, email } } }))
    : findSuperAdminByEmail(email);
}

const asAuthenticated = ({ id, email, name, role, tenantId, sessionVersion }: AuthenticatedUser): AuthenticatedUser => ({
  id,
  email,
  name,
  role,
  tenantId,
  sessionVersion,
});

type PasswordAttempt = Attempt & {
  password: string;
  /** The known-client cookie as the browser sent it. */
  knownClient?: string;
  /** A single sign-on waiting for this password sign-in to link it (lib/auth/pending-link.ts). */
  pendingLink?: PendingLink | null;
};

/**
 * Checks credentials for the host's tenant (or the platform, for
 * super-admins). Unknown email and wrong password cost the same hash and get
 * the same answer. Throttling backs off per account and per client address
 * (known only with TRUSTED_PROXY_HOPS); a known client of the account has a
 * bucket of its own instead, so failures by others never keep it out.
 */
export async function authenticate(attempt: PasswordAttempt): Promise<SignInResult> {
  const email = attempt.email.toLowerCase();
  const secret = getEnv().NEXTAUTH_SECRET;
  const user = await findAccount(attempt.tenantId, email);
  const known = !!user && isKnownClient(secret, user, attempt.knownClient);
  const accountKey = `${attempt.tenantId ?? "platform"}:${email}`;
  const keys: ThrottleKey[] = known
    ? [{ key: `known:${user.id}`, policy: POLICIES.account }]
    : [{ key: accountKey, policy: POLICIES.account }, ...(attempt.ip ? [{ key: `ip:${attempt.ip}`, policy: POLICIES.ip }] : [])];

  const waitMs = await signInThrottle().waitMs(keys);
  if (waitMs > 0) {
    countAttempt(attempt, SIGN_IN_AUDIT.throttled, user);
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }
  let matches: boolean;
  try {
    matches = await verifyPassword(attempt.password, user?.passwordHash, { priority: known });
  } catch (error) {
    if (!(error instanceof PasswordWorkBusyError)) throw error;
    countAttempt(attempt, SIGN_IN_AUDIT.busy);
    return { ok: false, reason: "busy", retryAfterSeconds: error.retryAfterSeconds };
  }
  if (!matches || !user) {
    await signInThrottle().recordFailure(keys);
    // Written behind either way, so both answer equally fast (lib/auth/sign-in-audit.ts).
    if (user) queueAccountFailure(attempt, SIGN_IN_AUDIT.failed, user);
    else countAttempt(attempt, SIGN_IN_AUDIT.failedUnknown);
    return { ok: false, reason: "invalid" };
  }
  await Promise.all([signInThrottle().recordSuccess(accountKey), signInThrottle().recordSuccess(`known:${user.id}`)]);
  if (user.passwordHash && needsRehash(user.passwordHash))
    await rehash(attempt.tenantId, user.id, attempt.password, user.passwordHash);
  const link = attempt.pendingLink;
  if (link && link.tenantId === attempt.tenantId && link.userId === user.id) {
    await linkIdentity(attempt, user.id, link, (tx) =>
      tx.auditLog.create({
        data: {
          tenantId: attempt.tenantId,
          actorType: "USER",
          actorId: user.id,
          actorLabel: user.email,
          action: SIGN_IN_AUDIT.ssoLinked,
          targetType: "user",
          targetId: user.id,
          metadata: { issuer: link.issuer },
        },
      }),
    );
  }
  await auditAccountAttempt(attempt, SIGN_IN_AUDIT.succeeded, user);
  return { ok: true, user: asAuthenticated(user), knownClient: rememberKnownClient(secret, user, attempt.knownClient) };
}

/**
 * Replaces a hash made with an older algorithm (bcrypt) or parameters, now
 * that the password is known. Only if it is still the hash that was checked
 * (a password change meanwhile wins); a busy queue just leaves it for next time.
 */
async function rehash(tenantId: string | null, id: string, password: string, old: string): Promise<void> {
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (error) {
    if (error instanceof PasswordWorkBusyError) return;
    throw error;
  }
  const update = { where: { id, passwordHash: old }, data: { passwordHash } };
  if (tenantId) await withTenant(tenantId, (tx) => tx.user.updateMany(update));
  else await withPlatform((tx) => tx.user.updateMany(update));
}

/**
 * A sign-in vouched for by the OpenID Connect provider (lib/auth/oidc.ts),
 * whose address the provider has verified. It signs in the account this
 * identity (issuer, subject) was linked to, and nothing else: an account
 * that merely has the same address is "link_required" (its owner must sign
 * in with the password once, lib/auth/pending-link.ts). Never creates accounts.
 */
export async function authenticateExternal(attempt: Attempt & { identity: ExternalIdentity }): Promise<ExternalSignInResult> {
  const linked = await findLinkedAccount(attempt, attempt.identity);
  if (linked) {
    await auditAccountAttempt(attempt, SIGN_IN_AUDIT.ssoSucceeded, linked);
    return { ok: true, user: asAuthenticated(linked) };
  }
  const user = await findAccount(attempt.tenantId, attempt.email.toLowerCase());
  if (!user) {
    countAttempt(attempt, SIGN_IN_AUDIT.ssoRefused);
    return { ok: false, reason: "invalid" };
  }
  await auditAccountAttempt(attempt, SIGN_IN_AUDIT.ssoLinkRequired, user);
  const { issuer, subject } = attempt.identity;
  return {
    ok: false,
    reason: "link_required",
    pending: { tenantId: attempt.tenantId, userId: user.id, email: user.email, issuer, subject },
  };
}
