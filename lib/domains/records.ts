import { getDomain } from "tldts";

/**
 * The DNS records a tenant creates for a custom domain: the TXT record that
 * proves control (kept for as long as the domain is used: it is checked
 * again every day), and the record that sends visitors to the TLS edge. A
 * subdomain gets a CNAME to the edge's hostname. An apex (example.com
 * itself) cannot have a CNAME next to its other records, so it gets A/AAAA
 * to the edge's addresses, or an ALIAS/ANAME (what some providers call
 * CNAME flattening) to the edge's hostname. Whether a name is an apex comes
 * from the Public Suffix List (tldts), so shop.co.uk is one and
 * portal.shop.co.uk is not.
 */
export type DnsRecord = { type: "TXT" | "CNAME" | "A" | "AAAA" | "ALIAS"; name: string; value: string; purpose: string };

export type EdgeAddresses = { hostname: string; ipv4?: string; ipv6?: string };

export function isApex(hostname: string): boolean {
  return getDomain(hostname, { allowPrivateDomains: true }) === hostname;
}

export function recordsToCreate(hostname: string, txt: { name: string; value: string }, edge: EdgeAddresses): DnsRecord[] {
  const proof: DnsRecord = { type: "TXT", ...txt, purpose: "Proves the domain is yours; keep it while the domain is used." };
  if (!isApex(hostname)) {
    return [proof, { type: "CNAME", name: hostname, value: edge.hostname, purpose: "Sends visitors to this portal." }];
  }
  const addresses: DnsRecord[] = [];
  if (edge.ipv4) addresses.push({ type: "A", name: hostname, value: edge.ipv4, purpose: "Sends visitors to this portal." });
  if (edge.ipv6) addresses.push({ type: "AAAA", name: hostname, value: edge.ipv6, purpose: "Sends visitors to this portal." });
  const alias: DnsRecord = {
    type: "ALIAS",
    name: hostname,
    value: edge.hostname,
    purpose:
      addresses.length > 0
        ? "Instead of A/AAAA, where your DNS provider offers ALIAS, ANAME or CNAME flattening."
        : "An apex cannot have a CNAME: use your DNS provider's ALIAS, ANAME or CNAME flattening.",
  };
  return [proof, ...addresses, alias];
}

/** Where a hostname points, as looked up, and whether that reaches the edge. */
export type RoutingCheck = { records: string; toEdge: boolean };

export type FoundRecords = { cname: string[]; a: string[]; aaaa: string[] };

/**
 * A CNAME to the edge's hostname counts, and so does any address the edge
 * has: the configured EDGE_IPV4/EDGE_IPV6 and what the edge's hostname
 * resolves to (which is how an ALIAS or a flattened CNAME shows up).
 */
export function judgeRouting(found: FoundRecords, edge: { hostname: string; addresses: string[] }): RoutingCheck {
  const parts = [...found.cname.map((v) => `CNAME ${v}`), ...found.a.map((v) => `A ${v}`), ...found.aaaa.map((v) => `AAAA ${v}`)];
  const records = parts.length > 0 ? parts.join(", ").slice(0, 500) : "no CNAME, A or AAAA record";
  const edgeAddresses = new Set(edge.addresses.map(canonicalAddress));
  const toEdge =
    found.cname.some((v) => v.toLowerCase().replace(/\.$/, "") === edge.hostname) ||
    [...found.a, ...found.aaaa].some((v) => edgeAddresses.has(canonicalAddress(v)));
  return { records, toEdge };
}

/** IPv6 has many spellings of one address; the URL parser writes one. */
function canonicalAddress(address: string): string {
  return address.includes(":") ? new URL(`http://[${address}]/`).hostname : address;
}
