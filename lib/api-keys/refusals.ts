import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { withTenant } from "@/lib/db/tenant";
import { ApiError, unauthenticated } from "@/lib/http/errors";
import { recordPlatformKeyRefusal } from "@/lib/platform-keys/service";
import { hitRateLimit } from "@/lib/rate-limit/limiter";
import type { KnownKey } from "./lookup";
import { secretState } from "./status";

/**
 * What a caller with a key that is not valid learns (decision "One answer to
 * a key that is not valid"): the same 401 `invalid_api_key` whether the key
 * is unknown, revoked or expired, so a leaked list of old keys tells nobody
 * which were real. The reason goes to the key owner's audit log instead.
 */

/**
 * Invalid keys per minute, in the API's rate-limit store but in their own
 * buckets: per client address when TRUSTED_PROXY_HOPS says which one is the
 * client's; otherwise every caller shares one larger bucket. Only invalid
 * keys count and only they are refused, so no one can lock a tenant's working
 * integrations out by sending bad keys from the same address (or, without
 * addresses, from anywhere).
 */
export const INVALID_KEY_LIMITS = { perClient: 30, unknownClients: 300 } as const;

/** A refused key's use is audited at most once per key per this window (the limiter's minute). */
const AUDIT_BUCKET = (keyId: string) => `audit:refused-key:${keyId}`;

export type KeyCaller = { ip: string | null; userAgent: string | null };
export type KeyRefusal = "unknown" | "malformed" | "revoked" | "expired";

/** Why a key that was found may not be used now, or null when it may. */
export function refusalOf(key: KnownKey, now: Date): "revoked" | "expired" | null {
  const state = secretState(key, now);
  return state === "live" ? null : state;
}

/** The audit label of a key as an actor, as lib/api/principal.ts's actorOf writes it. */
function keyLabel(key: KnownKey): string {
  return `${key.name} (${key.prefix}…)`;
}

/** The key owner's audit entry, throttled per key so a flood of one revoked key cannot fill the log. */
async function auditRefusal(key: KnownKey, reason: "revoked" | "expired", caller: KeyCaller): Promise<void> {
  const first = await hitRateLimit(AUDIT_BUCKET(key.id), 1);
  if (!first.allowed) return;
  const metadata = { reason, name: key.name, prefix: key.prefix };
  if (key.kind === "platform") {
    const actor: Actor = { type: "PLATFORM_API_KEY", id: key.id, label: keyLabel(key), ...caller };
    return recordPlatformKeyRefusal(key.id, metadata, actor);
  }
  const actor: Actor = { type: "TENANT_API_KEY", id: key.id, label: keyLabel(key), ...caller };
  await withTenant(key.tenantId, (tx) =>
    recordAudit(tx, {
      tenantId: key.tenantId,
      actor,
      action: "api_key.refused",
      targetType: "api_key",
      targetId: key.id,
      metadata: { ...metadata, chainId: key.chainId },
    }),
  );
}

/**
 * The error to answer a refused key with: 401 `invalid_api_key`, or 429
 * `rate_limited` (Retry-After) once the client has sent too many invalid
 * keys this minute. Audits a revoked or expired key for its owner first; a
 * failure to audit is logged, never turned into a 500.
 */
export async function refuseApiKey(key: KnownKey | null, why: KeyRefusal, caller: KeyCaller): Promise<ApiError> {
  if (key && (why === "revoked" || why === "expired")) {
    await auditRefusal(key, why, caller).catch((error: Error) =>
      console.error(`[api-keys] refused key not audited: ${error.message}`),
    );
  }
  const bucket = caller.ip ? `invalid-key:ip:${caller.ip}` : "invalid-key:unknown";
  const limit = caller.ip ? INVALID_KEY_LIMITS.perClient : INVALID_KEY_LIMITS.unknownClients;
  const decision = await hitRateLimit(bucket, limit);
  if (!decision.allowed) {
    return new ApiError(
      "rate_limited",
      429,
      "Too many requests with API keys that are not valid; wait for the time in Retry-After.",
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
  if (why === "malformed") return unauthenticated("invalid_api_key", "Send the key as `Authorization: Bearer <key>`.");
  return unauthenticated("invalid_api_key", "This API key is not valid.");
}
