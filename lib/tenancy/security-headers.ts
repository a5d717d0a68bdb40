// Edge-safe. The Content-Security-Policy every HTML response carries: scripts
// run only with this request's nonce, styles come from our own stylesheet or
// carry the nonce (the brand variables and the sanitised custom CSS do).

export const NONCE_HEADER = "x-livery-nonce";

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; frameAncestors?: string }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced bootstrap load its own chunks; dev mode's HMR needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Dev mode injects styles without a nonce; a nonce would make browsers ignore 'unsafe-inline'.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // Tenant logos, favicons and custom CSS images are https: or data: images.
    "img-src 'self' https: data:",
    "font-src 'self' https: data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // A tenant's allowed domains may frame its pages (lib/tenancy/allowed-origins.ts); nobody else.
    `frame-ancestors ${options.frameAncestors ?? "'none'"}`,
  ].join("; ");
}

/**
 * Headers every response carries, pages or not. `customDomain`: the host is a
 * tenant's own domain, whose other subdomains are none of Livery's business,
 * so HSTS leaves them out (an apex customer domain with includeSubDomains
 * would force HTTPS on every site the customer runs under it).
 */
export function baseSecurityHeaders(options: {
  production: boolean;
  framable?: boolean;
  customDomain?: boolean;
}): Record<string, string> {
  const hsts = options.customDomain ? "max-age=63072000" : "max-age=63072000; includeSubDomains";
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    // X-Frame-Options cannot name origins; where framing is allowed, CSP frame-ancestors alone decides.
    ...(options.framable ? {} : { "X-Frame-Options": "DENY" }),
    // Only over HTTPS in production; on plain-HTTP development hosts it would be ignored or harmful.
    ...(options.production ? { "Strict-Transport-Security": hsts } : {}),
  };
}
