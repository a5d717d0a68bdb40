import { isIP } from "node:net";

/**
 * The client's address, from X-Forwarded-For, trusting only the last
 * `trustedHops` entries (one per proxy of ours in front of the app). Next.js
 * keeps a client-sent X-Forwarded-For as it is, so with no trusted proxy the
 * header proves nothing and the address is unknown (null).
 */
export function clientIp(forwardedFor: string | null | undefined, trustedHops: number): string | null {
  if (trustedHops <= 0 || !forwardedFor) return null;
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = entries[entries.length - trustedHops];
  return candidate && isIP(candidate) ? candidate : null;
}
