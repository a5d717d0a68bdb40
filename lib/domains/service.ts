import "server-only";
import { randomBytes } from "node:crypto";
import type { AuditActor } from "@/lib/audit/record";
import { limitsSchema } from "@/lib/config/schemas";
import type { TenantDomain } from "@/lib/db/generated/prisma/client";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { getEnv } from "@/lib/env";
import { ApiError, conflict, notFound, planRequired } from "@/lib/http/errors";
import { lockTenantLimit } from "@/lib/tenants/limit-lock";
import { cheapestPlanAllowing, effectiveLimits, PLAN_DEFAULTS } from "@/lib/tenants/plans";
import { announceTenantChange } from "@/lib/tenants/status";
import {
  applyDomainEvent,
  auditDomain,
  type CheckOutcome,
  checkDomainRecord,
  clockOf,
  isHostnameTaken,
  takenMessage,
} from "./checks";
import { checkRouting } from "./edge-checks";
import { customHostnameSchema } from "./schemas";
import { CHECKED_STATES, isLive, isRouting, LIVE_STATES, newClaim, nextDomainState } from "./states";
import { requestRecheck } from "./sweep";
import { type CustomDomainView, viewIn, viewsIn } from "./view";

export { type CustomDomainView, VERIFICATION_PREFIX } from "./view";

/** Who made a change, for the audit log; omitted by system jobs. */
export type DomainActor = AuditActor;

export function listCustomDomains(tenantId: string): Promise<CustomDomainView[]> {
  return withTenant(tenantId, (tx) => viewsIn(tx, tenantId));
}

function parseClaimHostname(raw: string): string {
  const parsed = customHostnameSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError("validation_failed", 422, "The domain is not valid.", [
      { path: ["hostname"], message: parsed.error.issues[0]?.message },
    ]);
  }
  const root = getEnv().ROOT_DOMAIN;
  if (parsed.data === root || parsed.data.endsWith(`.${root}`)) {
    throw new ApiError("validation_failed", 422, `Names under ${root} belong to the platform.`, [
      { path: ["hostname"], message: "is a platform name" },
    ]);
  }
  return parsed.data;
}

/** A renewed claim starts with no checks and no edge history, as a new one does. */
const FRESH_CHECKS = {
  lastCheckedAt: null,
  lastCheckError: null,
  edgeAskedAt: null,
  certificateExpiresAt: null,
  certificateCheckedAt: null,
  certificateProblem: null,
  routingRecords: null,
  routingToEdge: null,
};

/** The tenant's customDomains limit; a plan (or override) of 0 has no custom domains at all. */
async function domainLimitOf(tx: Tx, tenantId: string): Promise<number> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: true } });
  const overrides = limitsSchema.safeParse(tenant.config?.limits ?? {}).data ?? {};
  const allowed = effectiveLimits(tenant.plan, overrides).customDomains;
  if (allowed > 0) return allowed;
  throw planRequired(
    PLAN_DEFAULTS[tenant.plan].limits.customDomains > 0
      ? "Custom domains are turned off for this tenant."
      : `Custom domains need the ${cheapestPlanAllowing("customDomains")} plan or higher.`,
  );
}

/**
 * Claims a hostname for the tenant, pending until its TXT record is found.
 * The answer never depends on other tenants: any number of them may claim a
 * hostname (only verification is exclusive), so a claim neither blocks
 * anyone nor tells who else wants the name. Claims that are pending,
 * verified or lapsing count toward the plan's limit, checked under a
 * per-tenant lock so a burst cannot pass it. Claiming an expired or lapsed
 * domain of one's own again renews it, with the same token.
 */
export async function addCustomDomain(
  tenantId: string,
  rawHostname: string,
  actor?: DomainActor,
  now = new Date(),
): Promise<CustomDomainView> {
  const hostname = parseClaimHostname(rawHostname);
  return withTenant(tenantId, async (tx) => {
    await lockTenantLimit(tx, tenantId, "customDomains");
    const allowed = await domainLimitOf(tx, tenantId);
    const own = await tx.tenantDomain.findFirst({ where: { tenantId, hostname } });
    if (own && isLive(own.state)) {
      throw conflict(`${hostname} is already one of this portal's domains.`, [
        { path: ["hostname"], message: "is already added" },
      ]);
    }
    const held = await tx.tenantDomain.count({ where: { tenantId, state: { in: [...LIVE_STATES] } } });
    if (held >= allowed) {
      throw new ApiError(
        "limit_exceeded",
        403,
        `This tenant has ${held} custom domains (pending or verified) and its plan allows ${allowed}; remove one or upgrade the plan.`,
      );
    }
    const claim = own ? nextDomainState(clockOf(own), "claim", now)! : newClaim(now);
    const domain = own
      ? await tx.tenantDomain.update({ where: { id: own.id }, data: { ...claim, ...FRESH_CHECKS } })
      : await tx.tenantDomain.create({
          data: { tenantId, hostname, verificationToken: `livery-verify=${randomBytes(16).toString("hex")}`, ...claim },
        });
    await auditDomain(tx, actor, "domain.added", domain, { renewed: own !== null });
    return viewIn(tx, tenantId, domain.id);
  });
}

/**
 * Checks `_livery.<hostname>` now. A pending claim whose token is found
 * becomes verified, unless another tenant's claim routes the hostname (the
 * first to verify wins; the other's re-check is brought forward so it lapses
 * on time if its record is gone). A verified domain that fails becomes
 * lapsing. The DNS lookup runs outside any transaction so a slow resolver
 * holds no connection.
 */
export async function verifyCustomDomain(
  tenantId: string,
  domainId: string,
  actor?: DomainActor,
  now = new Date(),
): Promise<CustomDomainView> {
  const domain = await withTenant(tenantId, async (tx) => {
    const found = await tx.tenantDomain.findFirst({ where: { id: domainId, tenantId } });
    if (!found) throw notFound("The domain");
    // Verifying starts routing, so it needs the plan as claiming does.
    await domainLimitOf(tx, tenantId);
    return found;
  });
  if (!CHECKED_STATES.includes(domain.state)) {
    throw conflict(`This claim has ${domain.state}; add ${domain.hostname} again to renew it.`);
  }
  const [check, routing] = await Promise.all([checkDomainRecord(domain), checkRouting(domain.hostname)]);
  let after: TenantDomain;
  try {
    after = await recordCheck(tenantId, domain, check.passed ? "passed" : "failed", { error: check.error, routing }, actor, now);
  } catch (error) {
    if (!check.passed || !isHostnameTaken(error)) throw error;
    after = await recordCheck(tenantId, domain, "taken", { error: takenMessage(domain.hostname), routing }, actor, now);
    await requestRecheck(domain.hostname, now);
  }
  if (isRouting(after.state) !== isRouting(domain.state)) await announceTenantChange(tenantId);
  return withTenant(tenantId, (tx) => viewIn(tx, tenantId, after.id));
}

async function recordCheck(
  tenantId: string,
  domain: TenantDomain,
  event: "passed" | "failed" | "taken",
  outcome: CheckOutcome,
  actor: DomainActor,
  now: Date,
): Promise<TenantDomain> {
  const error = outcome.error;
  return withTenant(tenantId, async (tx) => {
    const applied = await applyDomainEvent(tx, domain, event, now, outcome);
    // Someone else (the sweep, another click) changed it first: show theirs.
    if (!applied) return tx.tenantDomain.findUniqueOrThrow({ where: { id: domain.id } });
    const action = event === "passed" ? "domain.verified" : "domain.verification_failed";
    await auditDomain(tx, actor, action, applied.after, { error, from: domain.state, to: applied.after.state });
    return applied.after;
  });
}

export async function removeCustomDomain(tenantId: string, domainId: string, actor?: DomainActor): Promise<void> {
  const removed = await withTenant(tenantId, async (tx) => {
    const domain = await tx.tenantDomain.findFirst({ where: { id: domainId, tenantId } });
    if (!domain) throw notFound("The domain");
    await tx.tenantDomain.delete({ where: { id: domain.id } });
    await auditDomain(tx, actor, "domain.removed", domain);
    return domain;
  });
  if (isRouting(removed.state)) await announceTenantChange(tenantId);
}
