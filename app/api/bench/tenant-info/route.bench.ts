import type { NextRequest } from "next/server";
import { TENANT_ID_HEADER } from "@/lib/tenancy/headers";
import { getTenantSnapshot } from "@/lib/tenants/status";

// The API benchmark's baseline: the same JSON as GET /api/v1/tenants/current/info
// from the same cached snapshot, without the wrapper (no credential, no rate
// limit, no metering). Built only into the benchmark's own build, made with
// LIVERY_BENCH_ROUTES=1 (bench/server.ts, next.config.mjs pageExtensions).
export async function GET(request: NextRequest) {
  const tenantId = request.headers.get(TENANT_ID_HEADER);
  if (!tenantId) {
    return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  }
  const tenant = (await getTenantSnapshot(tenantId))!;
  const { id, slug, name, plan, status, branding, features, limits } = tenant;
  return Response.json({ id, slug, name, plan, status, branding, features, limits });
}
