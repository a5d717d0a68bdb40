import { api, noContent } from "@/lib/api/handler";
import { domainIdOf, domainsRoutes } from "@/lib/api/routes/domains";
import { removeCustomDomain } from "@/lib/domains/service";

export const DELETE = api(domainsRoutes.remove, async ({ tenant, params, actor }) => {
  await removeCustomDomain(tenant.id, domainIdOf(params), actor);
  return noContent();
});
