import fc from "fast-check";

// Hostile inputs. Bodies are built as JSON *text*, so keys such as
// `__proto__` arrive as the server's JSON.parse sees them (own properties),
// and sizes and depths no JavaScript object literal would reach stay cheap.

export const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;
/** What a prototype-pollution payload would set; Object.prototype must never gain it. */
export const POLLUTION_MARKER = "livery_fuzz_polluted";

const json = (value: unknown) => JSON.stringify(value);

/** Strings a parser or a database may choke on: control characters, lone surrogates, RTL marks, NUL, SQL and path tricks. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "\udfff\ud800",
    "\u202e\u202d",
    "\ufeff",
    "%00",
    "%",
    "%zz",
    "../../etc/passwd",
    '\'; DROP TABLE "Tenant"; --',
    "\\",
    "current",
    "null",
    "NaN",
    "-1",
    "1e309",
    "00000000-0000-0000-0000-000000000000",
    "FFFFFFFF-FFFF-4FFF-8FFF-FFFFFFFFFFFF",
    "<script>alert(1)</script>",
    "😀".repeat(50),
    "\r\n\t",
  ),
);

/** A large string: a short unit repeated up to ~1.3 MB, across the 1 MiB body limit. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }), fc.integer({ min: 900_000, max: 1_300_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Any JSON value, with nasty strings in it. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/** JSON text nested 1,000 to 20,000 levels deep, in arrays or objects (with a proto key at some levels). */
export const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom("array", "object", "proto"))
  .map(([depth, kind]) => {
    if (kind === "array") return "[".repeat(depth) + "]".repeat(depth);
    const key = kind === "proto" ? "__proto__" : "a";
    return `{"${key}":`.repeat(depth) + "{}" + "}".repeat(depth);
  });

/** A value of the wrong type for whatever field it replaces. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [[]], { "": null }),
  fc.integer(),
  fc.double(),
  nastyString,
  fc.array(nastyString, { maxLength: 5 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 4 }),
);

/** A prototype-pollution payload as JSON text: `{"__proto__": {"<marker>": true}}` and its relatives. */
export const pollutionText: fc.Arbitrary<string> = fc
  .constantFrom(...PROTO_KEYS)
  .map((key) =>
    key === "constructor"
      ? `{"constructor":{"prototype":{"${POLLUTION_MARKER}":true}}}`
      : `{"${key}":{"${POLLUTION_MARKER}":true}}`,
  );

/** Percent-encodes as a client would; a lone surrogate cannot be sent as UTF-8, so it goes as U+FFFD. */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}

/**
 * JSON text of an object with the given entries, in order, keys verbatim
 * (so `__proto__` is an own key of the parsed object, as JSON.parse makes it).
 */
export function objectText(entries: [string, string][]): string {
  return `{${entries.map(([key, valueText]) => `${json(key)}:${valueText}`).join(",")}}`;
}

/**
 * A body derived from a valid one: one field of a wrong type, a proto key
 * added at some level, an unknown key, or a field emptied or made huge.
 */
export function mutatedBody(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const fields = Object.keys(valid);
  const entries = (override: Record<string, string>) => {
    const all = Object.entries(valid).map(([k, v]) => [k, override[k] ?? json(v)] as [string, string]);
    for (const [k, v] of Object.entries(override)) if (!(k in valid)) all.push([k, v]);
    return all;
  };
  const field = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant("title");
  return fc.oneof(
    fc.tuple(field, wrongType).map(([name, value]) => objectText(entries({ [name]: json(value) }))),
    fc.tuple(field, hugeString).map(([name, value]) => objectText(entries({ [name]: json(value) }))),
    fc.tuple(fc.constantFrom(...PROTO_KEYS), pollutionText).map(([key, payload]) => objectText(entries({ [key]: payload }))),
    fc.tuple(field, pollutionText).map(([name, payload]) => objectText(entries({ [name]: payload }))),
    fc.tuple(nastyString, anyJson).map(([key, value]) => objectText(entries({ [key]: json(value) }))),
  );
}

/** Any body text at all: arbitrary JSON, not JSON, deep, huge, or a pollution payload. */
export const anyBodyText: fc.Arbitrary<string> = fc.oneof(
  anyJson.map(json),
  nastyString,
  deepJsonText,
  pollutionText,
  hugeString.map((s) => json({ title: s })),
  fc.constantFrom("{", "[", '{"a":}', "nul", "\u0000", '{"title": "x"}garbage', "[1,2,", '"\\ud800"'),
);

/** A Host header a client could send (values Node's HTTP parser would refuse never reach the app, so they are not sent). */
export const hostileHost: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    ":",
    ":3000",
    "localhost:99999",
    "localhost:-1",
    "localhost:3000:3000",
    "[::1]:3000",
    "[::1",
    "127.0.0.1",
    "2130706433",
    "0x7f.1",
    "..",
    ".localhost",
    "a..localhost",
    "www.www.localhost",
    "LOCALHOST.",
    "xn--80ak6aa92e.localhost",
    "api.localhost",
    "a.b.localhost",
    "evil.example@localhost",
    "localhost#evil.example",
    "localhost/path",
    "localhost\\evil",
    "%6c%6f%63%61%6c%68%6f%73%74",
    "-x-.localhost",
    "ab--cd.localhost",
    "x".repeat(300),
    `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}.localhost`,
  ),
  fc.string({ unit: fc.constantFrom(..."abcxyz019-._:[]@%"), maxLength: 80 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);
