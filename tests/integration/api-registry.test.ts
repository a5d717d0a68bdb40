import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { ERROR_CODE_LIST } from "@/lib/http/error-codes";
import { ALL_ROUTES } from "@/lib/api/routes";

const V1 = path.join(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function apiPath(file: string): string {
  const relative = path.relative(V1, path.dirname(file)).split(path.sep).join("/");
  return `/${relative}`.replace(/\[(\w+)\]/g, "{$1}");
}

describe("route registry", () => {
  it("lists exactly the handlers under app/api/v1, each wrapping its own spec", async () => {
    const served: string[] = [];
    for (const file of routeFiles(V1)) {
      const exported = (await import(file)) as Record<string, { options?: unknown } | undefined>;
      for (const method of METHODS) {
        const handler = exported[method];
        if (!handler) continue;
        const spec = ALL_ROUTES.find((route) => route.method === method && route.path === apiPath(file));
        expect(spec, `${method} ${apiPath(file)} is not in lib/api/routes`).toBeDefined();
        expect(handler.options, `${method} ${apiPath(file)} must be api(<its spec>, …)`).toBe(spec);
        served.push(`${method} ${apiPath(file)}`);
      }
    }
    expect(served.sort()).toEqual(ALL_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  it("declares a permission on every tenant route that changes or reads tenant data", () => {
    const exempt = new Set(["GET /tenants/current/info"]);
    for (const route of ALL_ROUTES.filter((r) => r.access === "tenant")) {
      if (exempt.has(`${route.method} ${route.path}`)) continue;
      expect(route.permission, `${route.method} ${route.path}`).toBeDefined();
    }
  });
});

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("validates against the OpenAPI 3.1 schema", async () => {
    // A deep copy: the validator may annotate the object it is given.
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)) as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does reject a broken document (no `info`, a response without a description).
    const broken = { openapi: "3.1.0", paths: { "/x": { get: { responses: { "200": {} } } } } };
    expect((await new Validator().validate(broken as Parameters<Validator["validate"]>[0])).valid).toBe(false);
  });

  it("is OpenAPI 3.1 and lists every route with its responses", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const route of ALL_ROUTES) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()] as { responses: Record<string, unknown> } | undefined;
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(Object.keys(operation!.responses)).toContain(String(route.success.status));
    }
  });

  it("says what the server does: a replayed usage event is 200, a rotation's body may be left out, a creation's not", () => {
    type Operation = { responses: Record<string, unknown>; requestBody?: { required: boolean } };
    const operation = (path: string, method: string) => (doc.paths[path] as Record<string, Operation>)[method]!;
    expect(Object.keys(operation("/tenants/{id}/usage/events", "post").responses)).toEqual(
      expect.arrayContaining(["200", "201"]),
    );
    expect(operation("/tenants/{id}/api-keys/{keyId}/rotate", "post").requestBody?.required).toBe(false);
    expect(operation("/tenants/{id}/api-keys", "post").requestBody?.required).toBe(true);
    // The Error schema's code enum is the catalogue (lib/http/error-codes.ts).
    const errorSchema = (doc.components.schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } })
      .properties.error.properties.code.enum;
    expect(errorSchema).toEqual(ERROR_CODE_LIST);
  });

  it("declares every tag it uses, and the headers its answers carry", () => {
    const declared = (doc.tags as { name: string }[]).map((tag) => tag.name);
    expect(new Set(ALL_ROUTES.map((route) => route.tag))).toEqual(new Set(declared));
    type Response = { headers: Record<string, { required: boolean }> };
    const listContent = (doc.paths["/content"] as Record<string, { responses: Record<string, Response> }>).get!.responses;
    expect(listContent["200"]!.headers).toMatchObject({
      "X-Request-Id": { required: true },
      "RateLimit-Limit": { required: false },
    });
    expect(listContent["429"]!.headers).toMatchObject({ "Retry-After": { required: true } });
  });

  it("has unique operation ids and declares every path parameter", () => {
    const ids = new Set<string>();
    for (const [p, operations] of Object.entries(doc.paths)) {
      for (const operation of Object.values(operations) as {
        operationId: string;
        parameters: { name: string; in: string }[];
      }[]) {
        expect(ids.has(operation.operationId), operation.operationId).toBe(false);
        ids.add(operation.operationId);
        const declared = operation.parameters.filter((x) => x.in === "path").map((x) => x.name);
        expect(declared.sort()).toEqual([...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      }
    }
  });

  it("every $ref resolves", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  });
});
