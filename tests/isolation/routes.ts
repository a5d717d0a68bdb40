import path from "node:path";
import { ALL_ROUTES } from "@/lib/api/routes";
import type { RouteSpec } from "@/lib/api/spec";
import type { RouteHandler } from "./pipeline";

// Every REST route with its handler, found from the registry alone: a route
// added to lib/api/routes (and served, which api-registry.test.ts checks) is
// in the isolation matrix and the fuzz suite without touching either.

const V1 = path.join(import.meta.dirname, "../../app/api/v1");

export type LoadedRoute = { spec: RouteSpec; handler: RouteHandler; name: string };

/** app/api/v1/tenants/[id]/config/route.ts for /tenants/{id}/config. */
export function routeFile(spec: RouteSpec): string {
  const segments = spec.path
    .split("/")
    .filter(Boolean)
    .map((segment) => segment.replace(/^\{(\w+)\}$/, "[$1]"));
  return path.join(V1, ...segments, "route.ts");
}

export async function loadRoute(spec: RouteSpec): Promise<LoadedRoute> {
  const exported = (await import(routeFile(spec))) as Record<string, (RouteHandler & { options?: unknown }) | undefined>;
  const handler = exported[spec.method];
  if (!handler || handler.options !== spec) {
    throw new Error(`${spec.method} ${spec.path}: ${routeFile(spec)} does not export ${spec.method} = api(<its spec>, …)`);
  }
  return { spec, handler, name: routeName(spec) };
}

export const routeName = (spec: RouteSpec) => `${spec.method} ${spec.path}`;

/** Every route of the registry, as [name, spec] rows for it.each. */
export const ROUTE_ROWS: [string, RouteSpec][] = ALL_ROUTES.map((spec) => [routeName(spec), spec]);

export const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The path parameters a route takes, in order. */
export function pathParams(spec: RouteSpec): string[] {
  return [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
