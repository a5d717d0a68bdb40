import { BlockList, isIP } from "node:net";

/**
 * Whether an address is inside any entry of an allowlist of addresses and
 * CIDR ranges (IPv4 and IPv6; an IPv4-mapped IPv6 address counts as IPv4).
 * An unknown address is never allowed.
 */
export function ipAllowed(ip: string | null, allowlist: readonly string[]): boolean {
  if (!ip) return false;
  const address = ip.toLowerCase().startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const entry of allowlist) {
    const [base, bits] = entry.split("/");
    const entryFamily = isIP(base ?? "");
    if (entryFamily === 0) continue;
    const type = entryFamily === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(base!, type);
    else list.addSubnet(base!, Number(bits), type);
  }
  return list.check(address, family === 4 ? "ipv4" : "ipv6");
}
