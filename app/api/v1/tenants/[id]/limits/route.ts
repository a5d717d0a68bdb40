import { api } from "@/lib/api/handler";
import { usageRoutes } from "@/lib/api/routes/usage";
import { getLimitUsage } from "@/lib/usage/limits";

export const GET = api(usageRoutes.limits, async ({ tenant }) => ({ data: await getLimitUsage(tenant) }));
