import fc from "fast-check";
import { describe, it } from "vitest";
import { minimalBody } from "../isolation/bodies";
import { loadRoute, ROUTE_ROWS } from "../isolation/routes";
import { anyBodyText, mutatedBody } from "./arbitraries";
import { FUZZ_RUNS, fuzzHarness, printable, seedFor } from "./harness";

// Every route that reads a body, with arbitrary JSON, wrong types per field,
// huge strings across the 1 MiB limit, deep nesting and prototype-pollution keys.

const harness = fuzzHarness("bodies");

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/merge-patch+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
  "application/json\u00ff",
];

describe("fuzzed request bodies", () => {
  it.each(ROUTE_ROWS.filter(([, spec]) => spec.body))("%s", async (name, spec) => {
    const route = await loadRoute(spec);
    const valid = minimalBody(spec) as Record<string, unknown>;
    const body = fc.oneof(mutatedBody(valid), anyBodyText).map(printable);
    const contentType = fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, fc.constantFrom(...CONTENT_TYPES));
    await fc.assert(
      fc.asyncProperty(body, contentType, async ({ value }, type) => {
        await harness.probe(route, { body: value, headers: { "content-type": type } });
      }),
      { seed: seedFor(`body ${name}`), numRuns: FUZZ_RUNS },
    );
  });
});
