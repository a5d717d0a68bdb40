import "server-only";
import { onInvalidate } from "@/lib/cache/invalidation";
import { findTenantByVerifiedHostname } from "@/lib/db/platform";
import { getEnv } from "@/lib/env";
import { parseHost } from "@/lib/tenancy/host";
import { TENANT_INVALIDATION } from "@/lib/tenants/status";
import { noteAsked } from "./asked";

/**
 * The TLS edge's question (Caddy's on-demand TLS `ask`, deploy/Caddyfile):
 * may it obtain a certificate for this name? Only for a custom domain that
 * routes (verified or lapsing) to an active tenant whose plan includes it —
 * the same rule as serving it (findTenantByVerifiedHostname). Subdomains of
 * ROOT_DOMAIN and the platform host are served under the operator's wildcard
 * certificate and never asked for; anything else is refused.
 *
 * The edge asks before every certificate it does not hold yet, and a
 * stranger's handshakes with random names make it ask too, so answers are
 * cached per instance (0 database queries in steady state). Every tenant
 * change (status, plan, domains) clears the cache at once, on every instance
 * when Redis is configured; without Redis other instances follow within the
 * TTLs below. A certificate already issued is not revoked by a later refusal:
 * it expires on its own, and the HTTP layer stops serving the domain at once.
 */
export type AskAnswer =
  | { allowed: true; tenantId: string; host: string }
  | { allowed: false; reason: "not_a_custom_domain" | "not_routed" | "suspended" };

const ALLOWED_TTL_MS = 5 * 60_000;
const REFUSED_TTL_MS = 30_000;
/** Random names from strangers must not grow the cache without bound. */
const MAX_ENTRIES = 10_000;

type Entry = { answer: AskAnswer; expiresAt: number };
const slot = globalThis as typeof globalThis & { __liveryTlsAsk?: { entries: Map<string, Entry>; lookups: number } };
const state = (slot.__liveryTlsAsk ??= { entries: new Map(), lookups: 0 });

function remember(host: string, answer: AskAnswer): AskAnswer {
  if (state.entries.size >= MAX_ENTRIES) {
    // Oldest first: a Map iterates in insertion order.
    const oldest = state.entries.keys().next().value;
    if (oldest !== undefined) state.entries.delete(oldest);
  }
  state.entries.set(host, { answer, expiresAt: Date.now() + (answer.allowed ? ALLOWED_TTL_MS : REFUSED_TTL_MS) });
  return answer;
}

/** The answer for `rawName`; `lookedUp` when it needed the database (a cache miss). */
export async function askForCertificate(rawName: string): Promise<{ answer: AskAnswer; lookedUp: boolean }> {
  onInvalidate(TENANT_INVALIDATION, forgetAll);
  const target = parseHost(rawName, getEnv().ROOT_DOMAIN);
  if (target.kind !== "custom") return { answer: { allowed: false, reason: "not_a_custom_domain" }, lookedUp: false };
  const cached = state.entries.get(target.host);
  if (cached && cached.expiresAt > Date.now()) return { answer: noted(cached.answer), lookedUp: false };
  state.entries.delete(target.host);
  state.lookups++;
  const tenant = await findTenantByVerifiedHostname(target.host);
  const answer: AskAnswer = !tenant
    ? { allowed: false, reason: "not_routed" }
    : tenant.status !== "ACTIVE"
      ? { allowed: false, reason: "suspended" }
      : { allowed: true, tenantId: tenant.id, host: target.host };
  // Once per cached answer, so a stranger's random names cost one line each at most every REFUSED_TTL_MS.
  if (!answer.allowed) console.warn(`[tls] no certificate for ${target.host}: ${answer.reason}`);
  return { answer: noted(remember(target.host, answer)), lookedUp: true };
}

/** The domains screen's "last asked": noted in memory, written behind (asked.ts). */
function noted(answer: AskAnswer): AskAnswer {
  if (answer.allowed) noteAsked(answer.tenantId, answer.host);
  return answer;
}

/** Any tenant's change may allow or refuse any name (a domain verified, a plan changed): start afresh. */
function forgetAll(): void {
  state.entries.clear();
}

/** How many answers needed the database, for tests and the benchmark. */
export function askLookups(): number {
  return state.lookups;
}

/** For tests: forget every cached answer. */
export function resetAskCache(): void {
  state.entries.clear();
}
