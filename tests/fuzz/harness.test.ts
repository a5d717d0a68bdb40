import { describe, expect, it } from "vitest";
import { api, Reply } from "@/lib/api/handler";
import type { RouteSpec } from "@/lib/api/spec";
import { withPlatform } from "@/lib/db/platform";
import { ApiError } from "@/lib/http/errors";
import type { LoadedRoute } from "../isolation/routes";
import { OTHER, OWN } from "../isolation/world";
import { POLLUTION_MARKER } from "./arbitraries";
import { assertPrototypeClean, fuzzHarness } from "./harness";

// The properties can fail: each broken route below breaks exactly one of them.

const harness = fuzzHarness("self-test");

function brokenRoute(handler: () => Promise<unknown>): LoadedRoute {
  const spec = {
    method: "POST",
    // A path the middleware's route table knows (lib/api/route-table.ts), so the request reaches this handler.
    path: "/tenants",
    summary: "",
    tag: "",
    access: "public",
    success: { status: 200 },
  } as RouteSpec;
  return { spec, handler: api(spec, handler), name: "POST /self-test" };
}

describe("the fuzz harness", () => {
  it("passes a route that refuses cleanly", async () => {
    await harness.probe(
      brokenRoute(async () => {
        throw new ApiError("validation_failed", 422, "No.");
      }),
      {},
    );
  });

  it("flags a 5xx", async () => {
    const route = brokenRoute(async () => {
      throw new Error("boom");
    });
    await expect(harness.probe(route, { body: "{}" })).rejects.toThrow(/a 5xx/);
  });

  it("flags a 4xx without the envelope", async () => {
    const route = brokenRoute(async () => new Reply({ message: "bare" }, 400));
    await expect(harness.probe(route, {})).rejects.toThrow(/without the envelope/);
  });

  it("flags an error its OpenAPI operation does not document", async () => {
    const route = brokenRoute(async () => {
      throw new ApiError("conflict", 409, "Taken.");
    });
    await expect(harness.probe(route, {})).rejects.toThrow(/which its OpenAPI operation does not document/);
  });

  it("flags a rejected request that changed the database", async () => {
    const route = brokenRoute(async () => {
      await withPlatform((tx) => tx.tenant.updateMany({ where: { slug: OWN.slug }, data: { name: "changed" } }));
      throw new ApiError("validation_failed", 422, "No.");
    });
    await expect(harness.probe(route, {})).rejects.toThrow(/a rejected request changed Tenant/);
  });

  it("flags the other tenant's data in a response", async () => {
    const route = brokenRoute(async () => ({ slug: OTHER.slug }));
    await expect(harness.probe(route, {})).rejects.toThrow(`shows the other tenant's ${OTHER.slug}`);
  });

  it("flags a polluted Object.prototype", () => {
    Object.defineProperty(Object.prototype, POLLUTION_MARKER, { value: true, configurable: true });
    try {
      expect(() => assertPrototypeClean()).toThrow(/polluted/);
    } finally {
      delete (Object.prototype as Record<string, unknown>)[POLLUTION_MARKER];
    }
    assertPrototypeClean();
  });
});
