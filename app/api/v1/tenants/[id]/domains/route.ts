import { api, created } from "@/lib/api/handler";
import { domainsRoutes } from "@/lib/api/routes/domains";
import { addCustomDomain, listCustomDomains } from "@/lib/domains/service";

// Dates in the views are Date objects; JSON.stringify writes them as ISO strings.
export const GET = api(domainsRoutes.list, async ({ tenant }) => ({
  data: await listCustomDomains(tenant.id),
  nextCursor: null,
}));

// The service refuses plans without customDomains (plan_required) and taken hostnames (conflict).
export const POST = api(domainsRoutes.add, async ({ tenant, body, actor }) =>
  created(await addCustomDomain(tenant.id, body.hostname, actor)),
);
