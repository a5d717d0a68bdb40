import { api } from "@/lib/api/handler";
import { domainIdOf, domainsRoutes } from "@/lib/api/routes/domains";
import { verifyCustomDomain } from "@/lib/domains/service";
import { planRequired } from "@/lib/http/errors";
import { cheapestPlanWith, planIncludes } from "@/lib/tenants/plans";

// A verified domain starts routing, so verifying needs the plan as claiming does
// (a tenant that moved to a smaller plan may still list and remove its domains).
export const POST = api(domainsRoutes.verify, async ({ tenant, params, actor }) => {
  if (!planIncludes(tenant.plan, "customDomains")) {
    throw planRequired(`Custom domains need the ${cheapestPlanWith("customDomains")} plan or higher.`);
  }
  return verifyCustomDomain(tenant.id, domainIdOf(params), actor);
});
