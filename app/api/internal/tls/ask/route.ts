import type { NextRequest } from "next/server";
import { internalRoute } from "@/lib/entry-points/route";
import { getEnv } from "@/lib/env";
import { tokensEqual } from "@/lib/tenancy/internal-token";
import { askForCertificate } from "@/lib/tls/ask";

// Caddy's on-demand TLS asks here before obtaining a certificate
// (`ask http://127.0.0.1:3000/api/internal/tls/ask?token=…`; Caddy adds
// `domain`). 2.6 sends no custom headers, so the shared secret rides in the
// query; deploy/Caddyfile answers 404 for /api/internal/* from outside. Without
// TLS_ASK_TOKEN the endpoint does not exist.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function fromTheEdge(request: NextRequest): boolean {
  const expected = getEnv().TLS_ASK_TOKEN;
  return !!expected && tokensEqual(request.nextUrl.searchParams.get("token") ?? "", expected);
}

export const GET = internalRoute(async (request) => {
  const name = request.nextUrl.searchParams.get("domain") ?? "";
  const { answer, lookedUp } = await askForCertificate(name);
  // For the edge's logs and the benchmark: whether this answer needed the database.
  const headers = { "Cache-Control": "no-store", "X-Livery-Ask": lookedUp ? "lookup" : "cached" };
  // The same answer for every refusal: the edge needs no more, and nobody learns which tenants exist.
  if (!answer.allowed) return Response.json({ allowed: false }, { status: 403, headers });
  return Response.json({ allowed: true }, { status: 200, headers });
}, fromTheEdge);
