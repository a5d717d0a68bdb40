import "server-only";
import { limitsSchema } from "@/lib/config/schemas";
import type { TenantDomain } from "@/lib/db/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { notFound } from "@/lib/http/errors";
import { effectiveLimits } from "@/lib/tenants/plans";
import { edgeAddresses } from "./edge-checks";
import { type EdgeRefusal, type EdgeVerdict, edgeVerdicts } from "./edge-status";
import { type DnsRecord, recordsToCreate } from "./records";
import type { DomainState } from "./states";

export const VERIFICATION_PREFIX = "_livery";

export type CustomDomainView = {
  id: string;
  hostname: string;
  status: DomainState;
  verifiedAt: Date | null;
  /** pending: the claim expires then; lapsing: the domain stops routing then; otherwise null. */
  expiresAt: Date | null;
  lastCheckedAt: Date | null;
  lastCheckError: string | null;
  /** The records the tenant must create at its DNS provider: `records` in full; `txt` and `cname` as first published. */
  dns: { txt: { name: string; value: string }; cname: { name: string; value: string }; records: DnsRecord[] };
  /** Where the hostname pointed at the last check, and whether that reaches the edge; null before any check. */
  routing: { records: string; toEdge: boolean | null } | null;
  /** What the TLS edge is told (lib/domains/edge-status.ts), when it last asked, and what certificate it serves. */
  edge: {
    allowed: boolean;
    refusal: EdgeRefusal | null;
    lastAskedAt: Date | null;
    certificate: { checkedAt: Date; expiresAt: Date | null; problem: string | null } | null;
  };
};

export function verificationName(hostname: string): string {
  return `${VERIFICATION_PREFIX}.${hostname}`;
}

export function toView(domain: TenantDomain, verdict: EdgeVerdict): CustomDomainView {
  const edge = edgeAddresses();
  const txt = { name: verificationName(domain.hostname), value: domain.verificationToken };
  return {
    id: domain.id,
    hostname: domain.hostname,
    status: domain.state,
    verifiedAt: domain.verifiedAt,
    expiresAt: domain.expiresAt,
    lastCheckedAt: domain.lastCheckedAt,
    lastCheckError: domain.lastCheckError,
    dns: { txt, cname: { name: domain.hostname, value: edge.hostname }, records: recordsToCreate(domain.hostname, txt, edge) },
    routing: domain.routingRecords === null ? null : { records: domain.routingRecords, toEdge: domain.routingToEdge },
    edge: {
      allowed: verdict.allowed,
      refusal: verdict.allowed ? null : verdict.reason,
      lastAskedAt: domain.edgeAskedAt,
      certificate: domain.certificateCheckedAt
        ? {
            checkedAt: domain.certificateCheckedAt,
            expiresAt: domain.certificateExpiresAt,
            problem: domain.certificateProblem,
          }
        : null,
    },
  };
}

/** Every domain of the tenant, oldest first, with what the TLS edge is told about each. */
export async function viewsIn(tx: Tx, tenantId: string): Promise<CustomDomainView[]> {
  const [tenant, domains] = await Promise.all([
    tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { config: { select: { limits: true } } } }),
    tx.tenantDomain.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } }),
  ]);
  const overrides = limitsSchema.safeParse(tenant.config?.limits ?? {}).data ?? {};
  const customDomainLimit = effectiveLimits(tenant.plan, overrides).customDomains;
  const verdicts = edgeVerdicts(domains, { status: tenant.status, customDomainLimit });
  return domains.map((domain) => toView(domain, verdicts.get(domain.id)!));
}

export async function viewIn(tx: Tx, tenantId: string, domainId: string): Promise<CustomDomainView> {
  const found = (await viewsIn(tx, tenantId)).find((view) => view.id === domainId);
  if (!found) throw notFound("The domain");
  return found;
}
