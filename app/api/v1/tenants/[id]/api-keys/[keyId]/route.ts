import { revokeApiKey } from "@/lib/api-keys/service";
import { api, noContent } from "@/lib/api/handler";
import { apiKeysRoutes } from "@/lib/api/routes/api-keys";

export const DELETE = api(apiKeysRoutes.revokeApiKey, async ({ tenant, params, actor }) => {
  await revokeApiKey(tenant.id, params.keyId, actor);
  return noContent();
});
