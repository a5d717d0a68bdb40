import { describe, expect, it } from "vitest";
import { API_ROUTE_TABLE, matchApiRoute } from "./route-table";
import { ALL_ROUTES } from "./routes";

describe("the edge's table of API routes", () => {
  it("is the route registry: every path with exactly its methods", () => {
    const registry: Record<string, string[]> = {};
    for (const route of ALL_ROUTES) (registry[route.path] ??= []).push(route.method);
    const sorted = (table: Record<string, readonly string[]>) =>
      Object.fromEntries(Object.entries(table).map(([path, methods]) => [path, [...methods].sort()]));
    expect(sorted(API_ROUTE_TABLE)).toEqual(sorted(registry));
  });

  it.each([
    ["/api/v1/content", "GET", { kind: "route" }],
    ["/api/v1/content/", "POST", { kind: "route" }],
    ["/api/v1/content/123", "HEAD", { kind: "route" }],
    ["/api/v1/content", "OPTIONS", { kind: "route" }],
    ["/api/v1/tenants/current/info", "GET", { kind: "route" }],
    ["/api/v1/content", "PUT", { kind: "no_method", allow: ["GET", "POST", "HEAD"] }],
    ["/api/v1/tenants/abc/api-keys/def", "GET", { kind: "no_method", allow: ["DELETE"] }],
    ["/api/v1/nothing", "GET", { kind: "no_path" }],
    ["/api/v1", "GET", { kind: "no_path" }],
    ["/api/v1/content//", "GET", { kind: "no_path" }],
    ["/api/v1/tenants/a/b/c/d/e", "GET", { kind: "no_path" }],
  ])("%s %s → %j", (path, method, expected) => {
    expect(matchApiRoute(path, method)).toEqual(expected);
  });
});
