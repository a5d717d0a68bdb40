import { api, created } from "@/lib/api/handler";
import { contentRoutes } from "@/lib/api/routes/content";
import { createContent, listContent } from "@/lib/content/service";

export const GET = api(contentRoutes.list, async ({ tenant, query }) => listContent(tenant.id, query));

export const POST = api(contentRoutes.create, async ({ tenant, body, actor }) =>
  created(await createContent(tenant, body, actor)),
);
