import { api } from "@/lib/api/handler";
import { domainIdOf, domainsRoutes } from "@/lib/api/routes/domains";
import { verifyCustomDomain } from "@/lib/domains/service";

// The service refuses plans without custom domains (plan_required): a verified domain starts routing.
export const POST = api(domainsRoutes.verify, async ({ tenant, params, actor }) =>
  verifyCustomDomain(tenant.id, domainIdOf(params), actor),
);
