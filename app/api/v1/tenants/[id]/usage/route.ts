import { api } from "@/lib/api/handler";
import { usageRoutes } from "@/lib/api/routes/usage";
import { getUsage } from "@/lib/usage/service";

export const GET = api(usageRoutes.usage, async ({ tenant, query }) => getUsage(tenant.id, query));
