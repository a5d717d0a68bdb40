import { api, noContent } from "@/lib/api/handler";
import { contentRoutes } from "@/lib/api/routes/content";
import { deleteContent, getContent, updateContent } from "@/lib/content/service";

export const GET = api(contentRoutes.get, async ({ tenant, params }) => getContent(tenant.id, params.id));

export const PATCH = api(contentRoutes.update, async ({ tenant, params, body, actor }) =>
  updateContent(tenant, params.id, body, actor),
);

export const DELETE = api(contentRoutes.remove, async ({ tenant, params, actor }) => {
  await deleteContent(tenant.id, params.id, actor);
  return noContent();
});
