import { describe, it } from "vitest";
import { ALL_ROUTES } from "@/lib/api/routes";
import { loadRoute, routeName } from "../isolation/routes";
import { POLLUTION_MARKER } from "./arbitraries";
import { fuzzHarness, type Variation } from "./harness";

// Exact inputs the fuzz suite found, run strictly (no known bug excused); each
// must keep every property. FIXED were 500s until lib/http/text.ts: U+0000 and
// unpaired surrogates are refused on the way in, and dates outside years
// 1–9999 are a 422. A new open bug goes to tests/fuzz/known-bugs.ts with its
// input here under `it.fails`, until it is fixed.

const harness = fuzzHarness("known inputs");

const NUL = '"a\\u0000b"';
const LONE = '"\\udfff\\ud800"';
/** base64url of ["+275760-09-13T00:00:00.000Z","00000000-0000-4000-8000-000000000000"]: the largest date JavaScript has. */
const FAR_CURSOR = "cursor=WyIrMjc1NzYwLTA5LTEzVDAwOjAwOjAwLjAwMFoiLCIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiXQ";

type Row = [route: string, input: Variation];

const CORPUS: Row[] = [
  ["GET /tenants", { query: FAR_CURSOR }],
  ["GET /content", { query: "q=%25_%5C" }],
  ["POST /content", { body: `{"title":"${"😀".repeat(200)}"}` }],
  ["POST /content", { body: `{"__proto__":{"${POLLUTION_MARKER}":true},"title":"x"}` }],
  ["PATCH /tenants/{id}/config", { body: `{"branding":{"__proto__":{"${POLLUTION_MARKER}":true}}}` }],
  ["PATCH /tenants/{id}/config", { body: `{"constructor":{"prototype":{"${POLLUTION_MARKER}":true}}}` }],
  ["GET /content/{id}", { params: { id: "%2E%2E" } }],
  ["GET /tenants/{id}/config", { params: { id: "CURRENT" } }],
];

const FIXED: Row[] = [
  // nul-in-text
  ["POST /content", { body: `{"title":${NUL}}` }],
  ["POST /content", { body: `{"title":"x","body":${NUL}}` }],
  ["PATCH /content/{id}", { body: `{"title":${NUL}}` }],
  ["POST /tenants", { body: `{"name":${NUL},"slug":"nulcase","plan":"free"}` }],
  ["PATCH /tenants/{id}", { body: `{"name":${NUL}}` }],
  ["POST /tenants/{id}/suspend", { body: `{"reason":${NUL}}` }],
  ["POST /tenants/{id}/api-keys", { body: `{"name":${NUL},"permissions":["read:content"]}` }],
  ["POST /tenants/{id}/usage/events", { body: `{"eventId":${NUL},"metric":"revenueCents","value":1}` }],
  ["PATCH /tenants/{id}/config", { body: `{"branding":{"customCss":${NUL}}}` }],
  ["GET /tenants", { query: "q=%00" }],
  ["GET /content", { query: "q=%00" }],
  ["GET /tenants/{id}/audit-log", { query: "action=%00" }],
  // lone-surrogate
  ["POST /content", { body: `{"title":${LONE}}` }],
  ["POST /tenants", { body: `{"name":${LONE},"slug":"lonecase","plan":"free"}` }],
  ["PATCH /tenants/{id}/config", { body: `{"branding":{"customCss":${LONE}}}` }],
  // date-out-of-range
  ["GET /tenants/{id}/api-keys", { query: FAR_CURSOR }],
  ["GET /content", { query: FAR_CURSOR }],
  ["GET /tenants/{id}/audit-log", { query: FAR_CURSOR }],
  ["GET /tenants/{id}/usage", { query: "from=0000-01-01&to=0000-01-05" }],
  ["GET /tenants/{id}/audit-log", { query: "from=0000-01-01T00:00:00Z" }],
];

for (const [name] of [...CORPUS, ...FIXED]) {
  if (!ALL_ROUTES.some((route) => routeName(route) === name)) throw new Error(`known-inputs.test.ts names no route ${name}`);
}

async function probe(name: string, input: Variation) {
  const spec = ALL_ROUTES.find((route) => routeName(route) === name)!;
  await harness.probe(await loadRoute(spec), input, { strict: true });
}

describe("inputs the fuzz suite found", () => {
  it.each(CORPUS)("%s %j keeps every property", probe);
  it.each(FIXED)("%s %j is refused cleanly (was a 500)", probe);
});
