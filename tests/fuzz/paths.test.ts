import fc from "fast-check";
import { describe, it } from "vitest";
import { loadRoute, pathParams, ROUTE_ROWS } from "../isolation/routes";
import { encodeComponent, nastyString } from "./arbitraries";
import { FUZZ_RUNS, fuzzHarness, printable, seedFor } from "./harness";

// Every path parameter of every route: ids that are not UUIDs, almost-UUIDs,
// the other tenant's ids, unicode, control characters, very long and
// malformed percent-encoded segments.

const harness = fuzzHarness("paths");

/** Stand-ins for ids only known once the world is seeded. */
const OTHER_TENANT = "<other tenant id>";
const OTHER_ROW = "<other tenant row id>";

const segment: fc.Arbitrary<string> = fc.oneof(
  nastyString.filter((s) => s.length > 0).map(encodeSegment),
  fc.string({ unit: "grapheme", minLength: 1_000, maxLength: 10_000 }).map(encodeSegment),
  fc.uuid().map((id) => encodeSegment(id.toUpperCase())),
  fc.uuid({ version: 4 }).map((id) => `${id}x`),
  fc.constantFrom(OTHER_TENANT, OTHER_ROW, "current", "CURRENT", "%", "%zz", "%ff", "%2F", "%00", "%2E%2E", "{id}"),
);

/** Percent-encodes a segment the way a client would, dots included, so `.` and `..` are not resolved away. */
function encodeSegment(value: string): string {
  return encodeComponent(value).replace(/\./g, "%2E");
}

describe("fuzzed path parameters", () => {
  it.each(ROUTE_ROWS.filter(([, spec]) => pathParams(spec).length > 0))("%s", async (name, spec) => {
    const route = await loadRoute(spec);
    const names = pathParams(spec);
    const change = fc.record({ param: fc.constantFrom(...names), value: segment }).map(printable);
    await fc.assert(
      fc.asyncProperty(change, async ({ value: { param, value } }) => {
        const world = harness.world();
        const other = spec.path.includes(`/tenants/{${param}}`) ? world.other.id : world.other.rows.content;
        const filled = value === OTHER_TENANT ? world.other.id : value === OTHER_ROW ? other : value;
        await harness.probe(route, { params: { [param]: filled } });
      }),
      { seed: seedFor(`path ${name}`), numRuns: FUZZ_RUNS },
    );
  });
});
