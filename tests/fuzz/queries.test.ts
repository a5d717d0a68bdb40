import fc from "fast-check";
import { describe, it } from "vitest";
import { z } from "zod";
import type { RouteSpec } from "@/lib/api/spec";
import { loadRoute, ROUTE_ROWS } from "../isolation/routes";
import { encodeComponent, nastyString, POLLUTION_MARKER, PROTO_KEYS, wrongType } from "./arbitraries";
import { FUZZ_RUNS, fuzzHarness, printable, seedFor } from "./harness";

// Every route's query string: its own parameters with hostile values, repeated
// parameters, unknown and prototype keys, malformed percent-encoding, forged cursors.

const harness = fuzzHarness("queries");

function parameterNames(spec: RouteSpec): string[] {
  if (!spec.query) return ["limit", "cursor"];
  const json = z.toJSONSchema(spec.query, { io: "input", unrepresentable: "any" }) as { properties?: object };
  return Object.keys(json.properties ?? {});
}

const b64 = (text: string) => Buffer.from(text).toString("base64url");

const value: fc.Arbitrary<string> = fc.oneof(
  nastyString,
  wrongType.map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
  fc.string({ unit: "grapheme", minLength: 2_000, maxLength: 12_000 }),
  fc.constantFrom(
    "0000-01-01",
    "9999-12-31",
    "2024-02-29",
    "2026-02-29",
    "2026-13-01",
    "1969-12-31",
    "0",
    "101",
    "1e999",
    "-0",
    "0x10",
    " 5 ",
    "apiCalls,apiCalls",
    ",",
    "ACTIVE",
    "active",
    "-createdAt",
    b64('["2026-01-01T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]'),
    b64('["not a date","00000000-0000-4000-8000-000000000000"]'),
    b64('["+275760-09-13T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]'),
    b64("[".repeat(5_000) + "]".repeat(5_000)),
    b64(`{"__proto__":{"${POLLUTION_MARKER}":true}}`),
    b64("null"),
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

/** A raw query string: encoded name=value pairs, sometimes with raw, malformed pieces mixed in. */
function queryString(names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...names, ...PROTO_KEYS, "limit", "cursor"), nastyString);
  const pair = fc.tuple(name, value).map(([n, v]) => `${encodeComponent(n)}=${encodeComponent(v)}`);
  const raw = fc.constantFrom("%", "%zz", "a=%", "=x", "&&", "limit", "limit=", "a[b]=c", "q=%00", "q=%ff%fe", "+=+");
  return fc.array(fc.oneof({ weight: 4, arbitrary: pair }, raw), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("&"));
}

describe("fuzzed query strings", () => {
  it.each(ROUTE_ROWS)("%s", async (name, spec) => {
    const route = await loadRoute(spec);
    await fc.assert(
      fc.asyncProperty(queryString(parameterNames(spec)).map(printable), async ({ value: query }) => {
        await harness.probe(route, { query });
      }),
      { seed: seedFor(`query ${name}`), numRuns: FUZZ_RUNS },
    );
  });
});
