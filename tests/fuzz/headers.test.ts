import fc from "fast-check";
import { describe, it } from "vitest";
import { ALL_ROUTES } from "@/lib/api/routes";
import { loadRoute } from "../isolation/routes";
import { OTHER, OWN } from "../isolation/world";
import { hostileHost, nastyString } from "./arbitraries";
import { FUZZ_RUNS, fuzzHarness, printable, seedFor } from "./harness";

// Hostile Host headers and client-sent tenant, credential and request-id
// headers, through the middleware: it must refuse or route them, never fail.

const harness = fuzzHarness("headers");

/** Values a server's HTTP parser would refuse never reach the app; the Headers class refuses the same ones. */
function isHeaderValue(value: string): boolean {
  try {
    new Headers({ x: value });
    return true;
  } catch {
    return false;
  }
}

const headerValue = nastyString.filter(isHeaderValue);
const routeIndex = fc.integer({ min: 0, max: ALL_ROUTES.length - 1 });

const clientHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    "x-tenant-slug": fc.oneof(headerValue, fc.constantFrom(OTHER.slug, OTHER.slug.toUpperCase(), ` ${OWN.slug} `, "api", "www")),
    "x-tenant-id": fc.oneof(headerValue, fc.uuid()),
    "x-livery-tenant-hint-id": fc.oneof(headerValue, fc.uuid()),
    "x-livery-internal-token": headerValue,
    "x-middleware-subrequest": fc.constantFrom("middleware", "middleware:middleware:middleware:middleware:middleware"),
    "x-request-id": headerValue,
    "x-forwarded-for": fc.oneof(headerValue, fc.constantFrom("1.2.3.4, 5.6.7.8", "::1", "999.1.1.1", ",,,")),
    authorization: fc.oneof(
      headerValue,
      headerValue.map((v) => `Bearer ${v}`),
      fc.constantFrom(
        "Bearer",
        "Bearer ",
        "bearer lv_x",
        `Bearer lv_${"A".repeat(40)}`,
        `Bearer lvp_${"b".repeat(40)}`,
        "Basic Zm9vOmJhcg==",
      ),
    ),
    cookie: fc.oneof(
      headerValue,
      headerValue.map((v) => `next-auth.session-token=${v}`),
    ),
    origin: fc.oneof(headerValue, fc.constantFrom("null", "http://evil.example", `http://${OWN.slug}.localhost:3000`)),
  },
  { requiredKeys: [] },
);

describe("fuzzed headers", () => {
  it("hostile Host headers, with or without a tenant named, on every route", async () => {
    const routes = await Promise.all(ALL_ROUTES.map(loadRoute));
    const input = fc
      .record({ route: routeIndex, host: hostileHost.filter(isHeaderValue), slug: fc.option(headerValue) })
      .map(printable);
    await fc.assert(
      fc.asyncProperty(input, async ({ value: { route, host, slug } }) => {
        await harness.probe(routes[route]!, { host, headers: slug === null ? {} : { "x-tenant-slug": slug } });
      }),
      { seed: seedFor("host"), numRuns: FUZZ_RUNS * 8 },
    );
  });

  it("client-sent tenant, credential, origin and request-id headers on every route", async () => {
    const routes = await Promise.all(ALL_ROUTES.map(loadRoute));
    const input = fc.record({ route: routeIndex, headers: clientHeaders }).map(printable);
    await fc.assert(
      fc.asyncProperty(input, async ({ value: { route, headers } }) => {
        await harness.probe(routes[route]!, { headers });
      }),
      { seed: seedFor("headers"), numRuns: FUZZ_RUNS * 8 },
    );
  });
});
