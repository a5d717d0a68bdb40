import "server-only";
import { Resolver } from "node:dns/promises";

/**
 * TXT lookups for domain verification, and where a domain points. DNS_RESOLVER ("host" or "host:port")
 * points them at a specific server, which is how tests use a local one; unset,
 * the system's resolvers answer.
 */
export function createResolver(server = process.env.DNS_RESOLVER): Resolver {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  if (server) resolver.setServers([server]);
  return resolver;
}

export type TxtLookup = { ok: true; values: string[] } | { ok: false; reason: string };

export async function lookupTxt(name: string, resolver: Resolver = createResolver()): Promise<TxtLookup> {
  try {
    const records = await resolver.resolveTxt(name);
    // A TXT record may be split into several strings; they form one value.
    return { ok: true, values: records.map((chunks) => chunks.join("")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code === "ENOTFOUND" || code === "ENODATA") return { ok: false, reason: `No TXT record found at ${name}.` };
    if (code === "ETIMEOUT") return { ok: false, reason: `The DNS lookup of ${name} timed out; try again.` };
    return { ok: false, reason: `The DNS lookup of ${name} failed (${code || "unknown error"}); try again.` };
  }
}

export type RoutingLookup = { ok: true; cname: string[]; a: string[]; aaaa: string[] } | { ok: false; reason: string };

/**
 * Where a hostname points: its CNAME, and the IPv4 and IPv6 addresses it
 * finally resolves to. A type with no record is an empty list; a lookup that
 * fails outright (timeout, server failure) is a reason instead.
 */
export async function lookupRouting(hostname: string, resolver: Resolver = createResolver()): Promise<RoutingLookup> {
  const each = async (lookup: () => Promise<string[]>): Promise<string[]> => {
    try {
      return await lookup();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (code === "ENOTFOUND" || code === "ENODATA") return [];
      throw error;
    }
  };
  try {
    const [cname, a, aaaa] = await Promise.all([
      each(() => resolver.resolveCname(hostname)),
      each(() => resolver.resolve4(hostname)),
      each(() => resolver.resolve6(hostname)),
    ]);
    return { ok: true, cname, a, aaaa };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return { ok: false, reason: `The DNS lookup of ${hostname} failed (${code}); it is tried again at the next check.` };
  }
}
