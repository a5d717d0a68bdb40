// Edge-safe responses for requests the middleware refuses before they reach
// the app: unknown hosts (404) and suspended tenants (403). Browsers get a
// small static page in the platform's look; API clients get the JSON envelope.

import { ERROR_CODES } from "@/lib/http/error-codes";

export type HostErrorCode = "tenant_not_found" | "tenant_suspended" | "tenant_mismatch";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, heading: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title} · Livery</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#18181b;background:#fff;display:grid;min-height:100vh;place-items:center}
main{max-width:32rem;padding:2rem;text-align:center}p.code{color:#0e7490;font-weight:600;font-size:.875rem;letter-spacing:.05em;text-transform:uppercase}
h1{font-size:1.875rem;margin:.5rem 0}p{color:#52525b}@media (prefers-color-scheme:dark){body{background:#09090b;color:#fafafa}p{color:#a1a1aa}}</style>
</head><body><main><p class="code">${title}</p><h1>${heading}</h1><p>${body}</p></main></body></html>`;
}

const MESSAGES: Record<HostErrorCode, (tenantName?: string) => { title: string; heading: string; text: string; api: string }> = {
  tenant_not_found: () => ({
    title: "404",
    heading: "There is no portal at this address",
    text: "Check the address you were given. If this is your organisation's portal, its administrator can tell you the right one.",
    api: "No tenant is served at this host.",
  }),
  tenant_suspended: (name) => ({
    title: "403",
    heading: "This portal is suspended",
    text: `${name ? escapeHtml(name) : "This organisation"}'s portal is temporarily unavailable. If you run this portal, contact the platform's support to restore it.`,
    api: "This tenant is suspended.",
  }),
  tenant_mismatch: () => ({
    title: "403",
    heading: "This request names another portal",
    text: "The X-Tenant-Slug header names a different organisation than this address. Remove the header or use that organisation's address.",
    api: "X-Tenant-Slug names a different tenant than the host.",
  }),
};

export function hostErrorResponse(
  code: HostErrorCode,
  options: { api: boolean; requestId: string; tenantName?: string },
): Response {
  const message = MESSAGES[code](options.tenantName);
  const headers = { "X-Request-Id": options.requestId, "Cache-Control": "no-store" };
  if (options.api) {
    return Response.json(
      { error: { code, message: message.api, requestId: options.requestId } },
      { status: ERROR_CODES[code].status, headers },
    );
  }
  return new Response(page(message.title, message.heading, message.text), {
    status: ERROR_CODES[code].status,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}
