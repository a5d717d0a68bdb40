import { api, noContent } from "@/lib/api/handler";
import { domainActor, domainIdOf, domainsRoutes } from "@/lib/api/routes/domains";
import { removeCustomDomain } from "@/lib/domains/service";

export const DELETE = api(domainsRoutes.remove, async ({ tenant, params, actor }) => {
  await removeCustomDomain(tenant.id, domainIdOf(params), domainActor(actor));
  return noContent();
});
