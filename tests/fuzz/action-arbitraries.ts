import fc from "fast-check";
import type { FieldInfo } from "../entry-points/action-inputs";
import { anyJson, nastyString, objectText, PROTO_KEYS, wrongType } from "./arbitraries";

// Inputs for a Server Action, derived from its valid input: one field of a
// wrong type or a hostile string, fields missing, unknown and prototype keys
// added, or any JSON at all in place of the input. Strings stay under Next's
// 1 MB body limit for actions: above it Next itself answers 500 before any
// action runs (docs/reliability.md), which is not what is under test here.

/** A long string: a short unit repeated to 10,000–200,000 UTF-16 units (at most 800 KB of UTF-8 in any script). */
const longString: fc.Arbitrary<string> = fc
  .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }), fc.integer({ min: 10_000, max: 200_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Strings the app's own checks must refuse or store safely: NUL, lone surrogates, `$` (React's reference marker), ids. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  nastyString,
  fc.constantFrom("$", "$$", "$1", "$@0", "$undefined", "$K1", "$Q0", "a\u0000", "\udc00", "0".repeat(36)),
  longString,
);

function withField(valid: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  return { ...valid, [name]: value };
}

export function actionInput(valid: Record<string, unknown>, fields: FieldInfo[]): fc.Arbitrary<unknown> {
  const names = fields.map((f) => f.name);
  const field = names.length > 0 ? fc.constantFrom(...names) : fc.constant("field");
  const arrayField = fields.filter((f) => f.type === "array").map((f) => f.name);
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(field, wrongType).map(([name, value]) => withField(valid, name, value)) },
    { weight: 3, arbitrary: fc.tuple(field, hostileText).map(([name, value]) => withField(valid, name, value)) },
    ...(arrayField.length > 0
      ? [
          fc
            .tuple(fc.constantFrom(...arrayField), fc.array(hostileText, { maxLength: 3 }))
            .map(([n, v]) => withField(valid, n, v)),
        ]
      : []),
    fc.subarray(names).map((drop) => Object.fromEntries(Object.entries(valid).filter(([k]) => !drop.includes(k)))),
    fc
      .tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), nastyString), anyJson)
      // Parsed from text, so `__proto__` is an own key, as React's decoder (JSON.parse) makes it on the server.
      .map(([key, value]) => {
        const entries = Object.entries(valid).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]);
        return JSON.parse(objectText([[key, JSON.stringify(value)], ...entries])) as unknown;
      }),
    anyJson,
  );
}
