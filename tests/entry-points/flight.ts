// Reads the answer of a Server Action called over HTTP (`Accept:
// text/x-component`): React's Flight rows, `<hex id>:<row>\n`. Row 0 is
// Next's envelope, whose `a` names the row that holds the action's return
// value. Only what an action's plain-data result needs is decoded: JSON rows,
// long strings sent as text rows (`T<hex byte length>,<bytes>`), error rows
// (`E{…}`, a thrown action), and `$` references between them.

export type FlightRow = { kind: "json"; value: unknown } | { kind: "text"; value: string } | { kind: "error"; value: unknown };

export type FlightAnswer =
  | { kind: "value"; value: unknown }
  /** The action threw instead of answering (Next's 500): its digest, never its message in production. */
  | { kind: "thrown"; error: unknown }
  | { kind: "unreadable"; why: string };

function parseRows(body: Buffer): Map<number, FlightRow> {
  const rows = new Map<number, FlightRow>();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon === -1) break;
    const id = Number.parseInt(body.subarray(at, colon).toString("latin1"), 16);
    const tag = body[colon + 1];
    if (tag === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = Number.parseInt(body.subarray(colon + 2, comma).toString("latin1"), 16);
      rows.set(id, { kind: "text", value: body.subarray(comma + 1, comma + 1 + length).toString("utf8") });
      at = comma + 1 + length;
      continue;
    }
    const end = body.indexOf(0x0a, colon);
    const line = body.subarray(colon + 1, end === -1 ? body.length : end).toString("utf8");
    at = end === -1 ? body.length : end + 1;
    if (Number.isNaN(id)) continue;
    // Other one-letter tags (I import, H hint, D debug, W console) carry nothing an action's result needs.
    if (/^[A-Z]/.test(line)) {
      if (line[0] === "E") rows.set(id, { kind: "error", value: safeJson(line.slice(1)) });
      continue;
    }
    rows.set(id, { kind: "json", value: safeJson(line) });
  }
  return rows;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

class Thrown {
  constructor(readonly error: unknown) {}
}

function resolve(value: unknown, rows: Map<number, FlightRow>, depth = 0): unknown {
  if (depth > 64) throw new Error("flight references nest too deeply");
  if (typeof value === "string" && value.startsWith("$")) {
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    if (value.startsWith("$D")) return value.slice(2);
    if (value.startsWith("$n")) return value.slice(2);
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref) {
      const row = rows.get(Number.parseInt(ref[1]!, 16));
      if (!row) throw new Error(`flight row ${ref[1]} is missing`);
      if (row.kind === "error") throw new Thrown(row.value);
      return row.kind === "text" ? row.value : resolve(row.value, rows, depth + 1);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, rows, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, rows, depth + 1)]));
  }
  return value;
}

/** The value an action returned, from a Flight body. */
export function readFlight(body: Buffer): FlightAnswer {
  try {
    const rows = parseRows(body);
    const envelope = rows.get(0);
    if (envelope?.kind !== "json" || !envelope.value || typeof envelope.value !== "object" || !("a" in envelope.value)) {
      return { kind: "unreadable", why: "no action envelope in row 0" };
    }
    return { kind: "value", value: resolve((envelope.value as { a: unknown }).a, rows) };
  } catch (error) {
    if (error instanceof Thrown) return { kind: "thrown", error: error.error };
    return { kind: "unreadable", why: (error as Error).message };
  }
}
