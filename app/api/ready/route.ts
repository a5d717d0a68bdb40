import { getReadiness } from "@/lib/db/readiness";

// Readiness: may this instance take traffic? The database must answer and
// every migration shipped with the app must be applied.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET() {
  const readiness = await getReadiness();
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!readiness.ready) headers["Retry-After"] = "5";
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers });
}
