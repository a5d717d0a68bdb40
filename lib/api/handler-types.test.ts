import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { TenantSnapshot } from "@/lib/tenants/status";
import { api, created, noContent, type Context } from "./handler";
import type { Principal } from "./principal";
import { defineRoute } from "./spec";

// api() types each handler from its route's spec (issue 14). The lines
// marked as expected type errors are the test: `npm run typecheck` fails if
// any of them compiles, that is, if the types stop catching the mistake.

const thing = z.object({ id: z.string(), at: z.iso.datetime() });

const tenantRoute = defineRoute({
  method: "GET",
  path: "/tenants/{id}/things/{thingId}",
  summary: "",
  tag: "",
  access: "tenant",
  tenantParam: "id",
  success: { status: 200, schema: thing, description: "" },
});
const platformRoute = defineRoute({
  method: "POST",
  path: "/things",
  summary: "",
  tag: "",
  access: "platform",
  body: z.object({ name: z.string() }),
  success: { status: 201, schema: thing, description: "" },
});
const removal = defineRoute({
  method: "DELETE",
  path: "/things/{id}",
  summary: "",
  tag: "",
  access: "platform",
  success: { status: 204, description: "" },
});

describe("api()'s types", () => {
  it("derives the path parameters, the tenant, the principal and the body from the spec", () => {
    expectTypeOf<Context<typeof tenantRoute>["params"]>().toEqualTypeOf<Record<"id" | "thingId", string>>();
    expectTypeOf<Context<typeof tenantRoute>["tenant"]>().toEqualTypeOf<TenantSnapshot>();
    expectTypeOf<Context<typeof platformRoute>["principal"]>().toEqualTypeOf<Principal>();
    expectTypeOf<Context<typeof platformRoute>["body"]>().toEqualTypeOf<{ name: string }>();
    // @ts-expect-error: a platform route has no tenant in its context
    expectTypeOf<Context<typeof platformRoute>["tenant"]>().toBeObject();

    const handlers = [
      api(tenantRoute, async ({ params }) => ({ id: params.thingId, at: new Date() })),
      // @ts-expect-error: no {nope} in the path
      api(tenantRoute, async ({ params }) => ({ id: params.nope, at: "" })),
      // @ts-expect-error: the answer lacks a field of the success schema
      api(tenantRoute, async () => ({ id: "1" })),
      // @ts-expect-error: a field of the wrong type
      api(tenantRoute, async () => ({ id: 1, at: "" })),
      api(platformRoute, async ({ body }) => created({ id: body.name, at: "2026-12-01T00:00:00Z" })),
      api(removal, async () => noContent()),
      // @ts-expect-error: a 204 route answers noContent()
      api(removal, async () => ({ id: "1" })),
    ];
    expect(handlers.map((handler) => handler.options.path)).toEqual([
      tenantRoute.path,
      tenantRoute.path,
      tenantRoute.path,
      tenantRoute.path,
      platformRoute.path,
      removal.path,
      removal.path,
    ]);
  });
});
