import { type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { INTERNAL_TOKEN_HEADER, internalToken, tokensEqual } from "@/lib/tenancy/internal-token";
import { resolveTenantByHost } from "@/lib/tenancy/resolve";

// Answers the Edge middleware's directory misses: which tenant serves a host.
// Only the middleware knows the token; everyone else gets a 404.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: NextRequest) {
  const presented = request.headers.get(INTERNAL_TOKEN_HEADER) ?? "";
  if (!tokensEqual(presented, await internalToken(getEnv().NEXTAUTH_SECRET))) {
    return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  }
  const tenant = await resolveTenantByHost(request.nextUrl.searchParams.get("host") ?? "");
  return Response.json({ tenant }, { status: tenant ? 200 : 404, headers: { "Cache-Control": "no-store" } });
}
