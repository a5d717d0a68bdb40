import { api } from "@/lib/api/handler";
import { metaRoutes } from "@/lib/api/routes/meta";

export const GET = api(metaRoutes.currentInfo, async ({ tenant }) => ({
  id: tenant.id,
  slug: tenant.slug,
  name: tenant.name,
  plan: tenant.plan,
  status: tenant.status,
  branding: tenant.branding,
  features: tenant.features,
  limits: tenant.limits,
}));
