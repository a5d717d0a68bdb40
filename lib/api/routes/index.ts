import type { RouteSpec } from "../spec";
import { apiKeysRoutes } from "./api-keys";
import { auditRoutes } from "./audit";
import { configRoutes } from "./config";
import { contentRoutes } from "./content";
import { domainsRoutes } from "./domains";
import { metaRoutes } from "./meta";
import { tenantsRoutes } from "./tenants";
import { usageRoutes } from "./usage";

/**
 * Every REST route, for the OpenAPI document and the generated tests. Route
 * files under app/api/v1 wrap these same objects; a test checks that the two
 * lists agree in both directions.
 */
export const ROUTE_GROUPS = {
  meta: metaRoutes,
  tenants: tenantsRoutes,
  config: configRoutes,
  apiKeys: apiKeysRoutes,
  audit: auditRoutes,
  content: contentRoutes,
  usage: usageRoutes,
  domains: domainsRoutes,
} as const;

export const ALL_ROUTES: readonly RouteSpec[] = Object.values(ROUTE_GROUPS).flatMap(
  (group) => Object.values(group) as RouteSpec[],
);
