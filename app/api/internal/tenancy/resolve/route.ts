import { internalRoute } from "@/lib/entry-points/route";
import { resolveTenantByHost } from "@/lib/tenancy/resolve";

// Answers the Edge middleware's directory misses: which tenant serves a host.
// Only the middleware knows the token; everyone else gets a 404.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = internalRoute(async (request) => {
  const tenant = await resolveTenantByHost(request.nextUrl.searchParams.get("host") ?? "");
  return Response.json({ tenant }, { status: tenant ? 200 : 404, headers: { "Cache-Control": "no-store" } });
});
