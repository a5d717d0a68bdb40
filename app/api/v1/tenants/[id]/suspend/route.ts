import { api } from "@/lib/api/handler";
import { tenantsRoutes } from "@/lib/api/routes/tenants";
import { suspendTenant } from "@/lib/tenants/service";

export const POST = api(tenantsRoutes.suspend, async ({ params, body, actor }) => suspendTenant(params.id, body.reason, actor));
