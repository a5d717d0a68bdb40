import { createApiKey, keyGrantorFor, listApiKeys } from "@/lib/api-keys/service";
import { api, created } from "@/lib/api/handler";
import { apiKeysRoutes } from "@/lib/api/routes/api-keys";

export const GET = api(apiKeysRoutes.listApiKeys, ({ tenant, query }) => listApiKeys(tenant.id, query));

export const POST = api(apiKeysRoutes.createApiKey, async ({ tenant, body, principal, actor }) =>
  created(await createApiKey(tenant.id, body, keyGrantorFor(principal, actor, tenant.id))),
);
