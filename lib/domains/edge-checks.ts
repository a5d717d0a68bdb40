import "server-only";
import type { TenantDomain } from "@/lib/db/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { type CertificateProbe, edgeProbeTarget, probeCertificate } from "@/lib/tls/probe";
import { createResolver, lookupRouting } from "./dns";
import { type EdgeAddresses, judgeRouting, type RoutingCheck } from "./records";

/**
 * The checks beside the TXT record that feed the domains screen: where the
 * domain points (is it the edge?) and what certificate the edge serves for
 * it. Neither changes the domain's state: a domain that points elsewhere is
 * still the tenant's, it just gets no visitors through Livery yet.
 */

/** The edge's name and configured addresses; the name defaults to ROOT_DOMAIN, which points at the edge too. */
export function edgeAddresses(): EdgeAddresses {
  const env = getEnv();
  return { hostname: env.EDGE_HOSTNAME ?? env.ROOT_DOMAIN, ipv4: env.EDGE_IPV4, ipv6: env.EDGE_IPV6 };
}

/** Where `hostname` points and whether that is the edge; null when DNS could not say. */
export async function checkRouting(hostname: string): Promise<RoutingCheck | null> {
  const resolver = createResolver();
  const edge = edgeAddresses();
  const [found, resolved] = await Promise.all([lookupRouting(hostname, resolver), edgeResolvesTo(edge.hostname)]);
  if (!found.ok) return null;
  const addresses = [edge.ipv4, edge.ipv6, ...resolved].filter((v): v is string => !!v);
  return judgeRouting(found, { hostname: edge.hostname, addresses });
}

// The edge's own addresses, looked up once a minute rather than once per domain a sweep checks.
const EDGE_LOOKUP_TTL_MS = 60_000;
let edgeLookup: { hostname: string; at: number; addresses: Promise<string[]> } | undefined;

function edgeResolvesTo(hostname: string): Promise<string[]> {
  if (edgeLookup?.hostname !== hostname || Date.now() - edgeLookup.at > EDGE_LOOKUP_TTL_MS) {
    const addresses = lookupRouting(hostname).then((own) => (own.ok ? [...own.a, ...own.aaaa] : []));
    edgeLookup = { hostname, at: Date.now(), addresses };
  }
  return edgeLookup.addresses;
}

/**
 * The edge's certificate for a domain, when an edge is configured and has
 * asked for this domain before: probing a name the edge never asked about
 * would make it obtain a certificate on the probe's account, and the screen
 * would lose its "no visit yet".
 */
export async function probeEdgeCertificate(
  domain: Pick<TenantDomain, "hostname" | "edgeAskedAt">,
): Promise<CertificateProbe | null> {
  const target = edgeProbeTarget();
  if (!target || !domain.edgeAskedAt) return null;
  return probeCertificate(domain.hostname, target);
}

/** The columns a check writes besides its state change. */
export function checkColumns(now: Date, check: { error: string | null; routing?: RoutingCheck | null }) {
  return {
    lastCheckedAt: now,
    lastCheckError: check.error,
    ...(check.routing ? { routingRecords: check.routing.records, routingToEdge: check.routing.toEdge } : {}),
  };
}

export function certificateColumns(now: Date, probe: CertificateProbe) {
  return probe.ok
    ? { certificateCheckedAt: now, certificateExpiresAt: probe.expiresAt, certificateProblem: null }
    : { certificateCheckedAt: now, certificateProblem: probe.problem.slice(0, 300) };
}
