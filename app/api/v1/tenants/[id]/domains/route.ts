import { api, created } from "@/lib/api/handler";
import { domainsRoutes } from "@/lib/api/routes/domains";
import { addCustomDomain, listCustomDomains } from "@/lib/domains/service";

// Dates in the views are Date objects; JSON.stringify writes them as ISO strings.
export const GET = api(domainsRoutes.list, async ({ tenant }) => ({
  data: await listCustomDomains(tenant.id),
  nextCursor: null,
}));

// The service refuses plans without custom domains (plan_required), claims over the limit
// (limit_exceeded) and the tenant's own live hostname again (conflict).
export const POST = api(domainsRoutes.add, async ({ tenant, body, actor }) =>
  created(await addCustomDomain(tenant.id, body.hostname, actor)),
);
