import { RESERVED_SLUGS } from "@/lib/tenants/schemas";

// Pure and Edge-safe: the middleware calls this on every request.

export type HostTarget =
  | { kind: "platform"; host: string }
  | { kind: "subdomain"; host: string; slug: string }
  | { kind: "custom"; host: string }
  | { kind: "invalid"; reason: HostProblem };

export type HostProblem = "missing" | "malformed" | "ip-address" | "reserved" | "nested-subdomain";

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const SLUG = /^[a-z0-9]([a-z0-9-]{1,61}[a-z0-9])$/;
const PORT = /^[0-9]{1,5}$/;

/**
 * Lower-cases, drops the port, one trailing dot and one leading `www.`.
 * Returns null for anything that is not a DNS hostname, including IP
 * literals (bracketed IPv6 or dotted IPv4).
 */
export function normaliseHost(raw: string | null | undefined): { host: string } | { problem: HostProblem } {
  if (!raw) return { problem: "missing" };
  let host = raw.trim().toLowerCase();
  if (host.startsWith("[")) return { problem: "ip-address" };
  const colon = host.indexOf(":");
  if (colon !== -1) {
    const port = host.slice(colon + 1);
    if (!PORT.test(port) || Number(port) > 65535) return { problem: "malformed" };
    host = host.slice(0, colon);
  }
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host.startsWith("www.")) host = host.slice(4);
  if (host.length === 0 || host.length > 253) return { problem: "malformed" };
  const labels = host.split(".");
  if (!labels.every((label) => LABEL.test(label))) return { problem: "malformed" };
  // A numeric last label is never a real top-level domain: 10.0.0.1, 2130706433.
  if (/^[0-9]+$/.test(labels.at(-1)!)) return { problem: "ip-address" };
  return { host };
}

/**
 * Which part of Livery a Host header addresses: the root domain is the
 * platform, `<slug>.<root>` a tenant by subdomain, anything else a candidate
 * custom domain (routed only if a tenant has verified it).
 */
export function parseHost(raw: string | null | undefined, rootDomain: string): HostTarget {
  const normalised = normaliseHost(raw);
  if ("problem" in normalised) return { kind: "invalid", reason: normalised.problem };
  const { host } = normalised;
  if (host === rootDomain) return { kind: "platform", host };
  const suffix = `.${rootDomain}`;
  if (!host.endsWith(suffix)) return { kind: "custom", host };
  const sub = host.slice(0, -suffix.length);
  if (sub.includes(".")) return { kind: "invalid", reason: "nested-subdomain" };
  if (RESERVED_SLUGS.has(sub)) return { kind: "invalid", reason: "reserved" };
  if (!SLUG.test(sub) || sub.slice(2, 4) === "--") return { kind: "invalid", reason: "malformed" };
  return { kind: "subdomain", host, slug: sub };
}
