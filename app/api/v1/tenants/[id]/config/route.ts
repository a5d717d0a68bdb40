import { api } from "@/lib/api/handler";
import { isPlatformPrincipal } from "@/lib/api/principal";
import { configRoutes } from "@/lib/api/routes/config";
import { getTenantConfig, updateTenantConfig } from "@/lib/config/service";

export const GET = api(configRoutes.getConfig, ({ tenant }) => getTenantConfig(tenant.id));

export const PATCH = api(configRoutes.updateConfig, ({ tenant, body, actor, principal }) =>
  updateTenantConfig(tenant.id, body, actor, { mayChangeLimits: isPlatformPrincipal(principal) }),
);
