import { api, noContent } from "@/lib/api/handler";
import { tenantsRoutes } from "@/lib/api/routes/tenants";
import { getTenant } from "@/lib/tenants/queries";
import { deleteTenant, updateTenant } from "@/lib/tenants/service";

// The wrapper has matched {id} to the caller (a tenant's own id only) and loaded it.
export const GET = api(tenantsRoutes.get, async ({ tenant }) => getTenant(tenant.id));

export const PATCH = api(tenantsRoutes.update, async ({ params, body, actor }) => updateTenant(params.id, body, actor));

export const DELETE = api(tenantsRoutes.delete, async ({ params, actor }) => {
  await deleteTenant(params.id, actor);
  return noContent();
});
