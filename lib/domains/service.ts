import "server-only";
import { randomBytes } from "node:crypto";
import { type AuditActor, recordAudit } from "@/lib/audit/record";
import { Prisma, type TenantDomain } from "@/lib/db/generated/prisma/client";
import { type Tx, withTenant } from "@/lib/db/tenant";
import { getEnv } from "@/lib/env";
import { ApiError, conflict, notFound, planRequired } from "@/lib/http/errors";
import { cheapestPlanWith, planIncludes } from "@/lib/tenants/plans";
import { lookupTxt } from "./dns";
import { customHostnameSchema, type DomainStatus } from "./schemas";

export const VERIFICATION_PREFIX = "_livery";

/** Who made a change, for the audit log; omitted by system jobs. */
export type DomainActor = AuditActor;

function auditDomain(
  tx: Tx,
  tenantId: string,
  actor: DomainActor | undefined,
  action: string,
  domain: { id: string; hostname: string },
  metadata: Prisma.InputJsonObject = {},
) {
  return recordAudit(tx, {
    tenantId,
    actor,
    action,
    targetType: "domain",
    targetId: domain.id,
    metadata: { hostname: domain.hostname, ...metadata },
  });
}

export type CustomDomainView = {
  id: string;
  hostname: string;
  status: DomainStatus;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  lastCheckError: string | null;
  /** The records the tenant must create at its DNS provider. */
  dns: { txt: { name: string; value: string }; cname: { name: string; value: string } };
};

function toView(domain: TenantDomain): CustomDomainView {
  const status: DomainStatus = domain.verifiedAt ? "verified" : domain.lastCheckError ? "failed" : "pending";
  return {
    id: domain.id,
    hostname: domain.hostname,
    status,
    verifiedAt: domain.verifiedAt,
    lastCheckedAt: domain.lastCheckedAt,
    lastCheckError: domain.lastCheckError,
    dns: {
      txt: { name: `${VERIFICATION_PREFIX}.${domain.hostname}`, value: domain.verificationToken },
      cname: { name: domain.hostname, value: getEnv().ROOT_DOMAIN },
    },
  };
}

export function listCustomDomains(tenantId: string): Promise<CustomDomainView[]> {
  return withTenant(tenantId, async (tx) =>
    (await tx.tenantDomain.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } })).map(toView),
  );
}

/** Claims a hostname for the tenant, unverified. A hostname belongs to one tenant only. */
export async function addCustomDomain(tenantId: string, rawHostname: string, actor?: DomainActor): Promise<CustomDomainView> {
  const parsed = customHostnameSchema.safeParse(rawHostname);
  if (!parsed.success) {
    throw new ApiError("validation_failed", 422, "The domain is not valid.", [
      { path: ["hostname"], message: parsed.error.issues[0]?.message },
    ]);
  }
  const hostname = parsed.data;
  const root = getEnv().ROOT_DOMAIN;
  if (hostname === root || hostname.endsWith(`.${root}`)) {
    throw new ApiError("validation_failed", 422, `Names under ${root} belong to the platform.`, [
      { path: ["hostname"], message: "is a platform name" },
    ]);
  }
  return withTenant(tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    if (!planIncludes(tenant.plan, "customDomains")) {
      throw planRequired(`Custom domains need the ${cheapestPlanWith("customDomains")} plan or higher.`);
    }
    try {
      const domain = await tx.tenantDomain.create({
        data: { tenantId, hostname, verificationToken: `livery-verify=${randomBytes(16).toString("hex")}` },
      });
      await auditDomain(tx, tenantId, actor, "domain.added", domain);
      return toView(domain);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw conflict(`${hostname} is already claimed.`, [{ path: ["hostname"], message: "is taken" }]);
      }
      throw error;
    }
  });
}

/**
 * Looks up `_livery.<hostname>` and marks the domain verified when a TXT
 * value equals its token. Only verified domains route. The DNS lookup runs
 * outside the transaction so a slow resolver holds no connection.
 */
export async function verifyCustomDomain(tenantId: string, domainId: string, actor?: DomainActor): Promise<CustomDomainView> {
  const domain = await withTenant(tenantId, (tx) => tx.tenantDomain.findFirst({ where: { id: domainId, tenantId } }));
  if (!domain) throw notFound("The domain");
  const name = `${VERIFICATION_PREFIX}.${domain.hostname}`;
  const lookup = await lookupTxt(name);
  const verified = lookup.ok && lookup.values.includes(domain.verificationToken);
  const error = verified
    ? null
    : lookup.ok
      ? `${name} has TXT ${lookup.values.map((v) => JSON.stringify(v)).join(", ")}, not the expected value.`
      : lookup.reason;
  const now = new Date();
  const updated = await withTenant(tenantId, async (tx) => {
    await auditDomain(tx, tenantId, actor, verified ? "domain.verified" : "domain.verification_failed", domain, { error });
    return tx.tenantDomain.update({
      where: { id: domain.id },
      // Once verified, a domain keeps routing through a later failed check (a DNS
      // outage must not take portals offline); the failure is still reported.
      data: { lastCheckedAt: now, lastCheckError: error, verifiedAt: verified ? (domain.verifiedAt ?? now) : domain.verifiedAt },
    });
  });
  return toView(updated);
}

export async function removeCustomDomain(tenantId: string, domainId: string, actor?: DomainActor): Promise<void> {
  await withTenant(tenantId, async (tx) => {
    const domain = await tx.tenantDomain.findFirst({ where: { id: domainId, tenantId } });
    if (!domain) throw notFound("The domain");
    await tx.tenantDomain.delete({ where: { id: domain.id } });
    await auditDomain(tx, tenantId, actor, "domain.removed", domain);
  });
}
