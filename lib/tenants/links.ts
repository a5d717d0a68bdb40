import "server-only";
import { getEnv } from "@/lib/env";

/** The scheme and port the platform was reached on; a tenant's portal is served on the same ones. */
export type ReachedVia = { protocol: "http" | "https"; port: string | null };

/**
 * Read from the request's headers (a Request's, or next/headers' in a Server
 * Action), as lib/members does for its invitation links: X-Forwarded-Proto
 * says whether a proxy terminated TLS, Host carries the port.
 */
export function reachedVia(headers: { get(name: string): string | null }): ReachedVia {
  const protocol = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  const port = /:(\d{1,5})$/.exec(headers.get("host") ?? "")?.[1] ?? null;
  return { protocol, port };
}

/** `<protocol>://<ROOT_DOMAIN>[:port]`: the platform host, where super-admins work. */
export function platformOrigin(via: ReachedVia): string {
  return portalOrigin("", via).replace("://.", "://");
}

/** `<protocol>://<slug>.<ROOT_DOMAIN>[:port]`, without the port when it is the protocol's default. */
export function portalOrigin(slug: string, via: ReachedVia): string {
  const defaultPort = via.protocol === "https" ? "443" : "80";
  const port = via.port && via.port !== defaultPort ? `:${via.port}` : "";
  return `${via.protocol}://${slug}.${getEnv().ROOT_DOMAIN}${port}`;
}
