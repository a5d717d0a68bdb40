import { api, created } from "@/lib/api/handler";
import { usageRoutes } from "@/lib/api/routes/usage";
import { notFound } from "@/lib/http/errors";
import { getTenantSnapshot } from "@/lib/tenants/status";
import { recordUsageEvent } from "@/lib/usage/service";
import { isUuid } from "@/lib/http/ids";

// Platform only, so the wrapper resolves no tenant: the path names it, and a
// suspended tenant's figures are still recorded.
export const POST = api(usageRoutes.recordEvent, async ({ params, body, actor }) => {
  const tenant = isUuid(params.id) ? await getTenantSnapshot(params.id.toLowerCase()) : null;
  if (!tenant) throw notFound("The tenant");
  const { event, created: isNew } = await recordUsageEvent(tenant.id, body, actor);
  return isNew ? created(event) : event;
});
