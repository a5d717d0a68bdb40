import { keyGrantorFor, rotateApiKey } from "@/lib/api-keys/service";
import { api, created } from "@/lib/api/handler";
import { apiKeysRoutes } from "@/lib/api/routes/api-keys";

export const POST = api(apiKeysRoutes.rotateApiKey, async ({ tenant, params, body, principal, actor }) =>
  created(await rotateApiKey(tenant.id, params.keyId, body, keyGrantorFor(principal, actor, tenant.id))),
);
