// Open bugs the fuzz suite found: 500s for a client's mistake whose fix lies
// outside the tests. A 5xx whose input matches one is counted and printed,
// not failed, so the suite still guards everything else; known-inputs.test.ts
// holds the exact inputs as `it.fails`, which flips as soon as a bug is fixed
// (then delete its entry here). FUZZ_STRICT=1 fails on these too.

export type FuzzInput = { body?: string; query?: string };

export type KnownBug = { id: string; what: string; fixIn: string; matches: (input: FuzzInput) => boolean };

const LONE_SURROGATE_ESCAPE =
  /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;

function decodedQuery(query: string | undefined): string {
  if (!query) return "";
  const values = [...new URLSearchParams(query).values()];
  // A cursor is base64url JSON: what it decodes to reaches the database too.
  return [...values, ...values.map((v) => Buffer.from(v, "base64url").toString("utf8"))].join("\n");
}

export const KNOWN_BUGS: KnownBug[] = [
  {
    id: "nul-in-text",
    what: "U+0000 in a JSON string or a query value reaches PostgreSQL text/jsonb (invalid byte sequence for encoding UTF8: 0x00)",
    fixIn: "lib/api/body.ts (refuse U+0000 in parsed bodies and in queryObject) or the zod string schemas",
    matches: ({ body, query }) =>
      (!!body && (body.includes("\\u0000") || body.includes("\u0000"))) || decodedQuery(query).includes("\u0000"),
  },
  {
    id: "lone-surrogate",
    what: "an unpaired surrogate escape (\\ud800) in a JSON string reaches Prisma (lone leading surrogate in hex escape)",
    fixIn: "lib/api/body.ts (refuse strings that are not well-formed UTF-16 after JSON.parse)",
    matches: ({ body }) => !!body && LONE_SURROGATE_ESCAPE.test(body),
  },
  {
    id: "date-out-of-range",
    what: "a date outside years 1–9999 (cursor of +275760-09-13, from=0000-01-01) reaches Prisma or PostgreSQL",
    fixIn: "lib/api/pagination.ts (cursorSchema), lib/usage/schemas.ts (isoDay), lib/audit/schemas.ts (from/to)",
    matches: ({ query }) => /(^|[^0-9])0000-\d\d-\d\d|[+-]\d{6}-\d\d-\d\d/.test(decodedQuery(query)),
  },
];

export const STRICT = process.env.FUZZ_STRICT === "1";

/** The open bug a 5xx for this input is, if any. */
export function knownBugFor(input: FuzzInput): KnownBug | undefined {
  return STRICT ? undefined : KNOWN_BUGS.find((bug) => bug.matches(input));
}
