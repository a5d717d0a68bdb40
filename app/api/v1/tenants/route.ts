import { api, created } from "@/lib/api/handler";
import { tenantsRoutes } from "@/lib/api/routes/tenants";
import { createTenant } from "@/lib/tenants/create-tenant";
import { reachedVia } from "@/lib/tenants/links";
import { listTenants } from "@/lib/tenants/queries";

export const GET = api(tenantsRoutes.list, async ({ query }) => listTenants(query));

export const POST = api(tenantsRoutes.create, async ({ body, actor, request }) =>
  created(await createTenant(body, actor, reachedVia(request.headers))),
);
