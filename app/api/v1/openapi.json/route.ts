import { api } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { metaRoutes } from "@/lib/api/routes/meta";

export const GET = api(metaRoutes.openapi, async () => buildOpenApiDocument());
