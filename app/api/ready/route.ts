import { getReadiness } from "@/lib/db/readiness";

// Readiness: may this instance take traffic? The database must answer on both
// of the app's logins and every migration shipped with the app must be
// applied. It also says whether each login is a superuser (CI fails if one is;
// on the embedded database both are, see docs/tenancy.md).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET() {
  const readiness = await getReadiness();
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!readiness.ready) headers["Retry-After"] = "5";
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers });
}
