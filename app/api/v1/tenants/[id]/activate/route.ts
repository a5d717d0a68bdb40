import { api } from "@/lib/api/handler";
import { tenantsRoutes } from "@/lib/api/routes/tenants";
import { activateTenant } from "@/lib/tenants/service";

export const POST = api(tenantsRoutes.activate, async ({ params, actor }) => activateTenant(params.id, actor));
