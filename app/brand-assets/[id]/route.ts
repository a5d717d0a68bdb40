import { findBrandAsset } from "@/lib/branding/assets";
import { publicRoute } from "@/lib/entry-points/route";
import { isUuid } from "@/lib/http/ids";

// Serves a tenant's uploaded logo or favicon on its own host
// (/brand-assets/<id>, rewritten here by the middleware). SVG may contain
// script, so every asset is sent so that nothing in it can run: the exact
// stored type, no sniffing, and a sandboxing CSP for direct visits.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Immutable public bytes: unmetered (a busy portal's own logo must not be throttled).
export const GET = publicRoute({ limit: "unmetered" }, async ({ ctx: { tenantId }, request, params: { id } }) => {
  const asset = id && isUuid(id) ? await findBrandAsset(tenantId, id) : null;
  if (!asset) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const etag = `"${asset.sha256}"`;
  const headers = {
    "Content-Type": asset.contentType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "Content-Disposition": "inline",
    // A new upload gets a new id, so a URL's bytes never change.
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(asset.data, { headers: { ...headers, "Content-Length": String(asset.sizeBytes) } });
});
