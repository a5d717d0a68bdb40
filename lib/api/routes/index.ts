import type { RouteSpec } from "../spec";
import { metaRoutes } from "./meta";

/**
 * Every REST route, for the OpenAPI document and the generated tests. Route
 * files under app/api/v1 wrap these same objects; a test checks that the two
 * lists agree in both directions.
 */
export const ROUTE_GROUPS = { meta: metaRoutes } as const satisfies Record<string, Record<string, RouteSpec>>;

export const ALL_ROUTES: readonly RouteSpec[] = Object.values(ROUTE_GROUPS).flatMap(
  (group) => Object.values(group) as RouteSpec[],
);
