import { z } from "zod";
import type { RouteSpec } from "@/lib/api/spec";

// A minimal valid body for every route that takes one, so that a refused
// request in the matrix is refused for isolation, not validation. Derived from
// the route's zod schema (through its JSON Schema); the few the deriver cannot
// fill are in OVERRIDES. Strings are unique per call, so creating twice does
// not collide on a unique column.

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
};

let counter = 0;
const unique = () => `iso${(counter++).toString(36)}`;

/** Routes whose body the schema alone cannot describe (a hostname is checked by a transform). */
const OVERRIDES: Record<string, () => unknown> = {
  "POST /tenants/{id}/domains": () => ({ hostname: `${unique()}.isolation.example` }),
};

function fill(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return fill(schema.anyOf.find((option) => option.type !== "null") ?? schema.anyOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries((schema.required ?? []).map((name) => [name, fill(schema.properties?.[name] ?? {})]));
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => fill(schema.items ?? {}));
    case "string":
      return unique().padEnd(schema.minLength ?? 1, "x");
    case "integer":
    case "number":
      return schema.minimum ?? 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}

/**
 * The required fields, then, while the schema still refuses the value (a
 * refinement such as "change at least one field"), one optional field more.
 */
function derive(body: z.ZodType): unknown {
  const json = z.toJSONSchema(body, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const value = fill(json);
  if (body.safeParse(value).success || typeof value !== "object" || value === null) return value;
  const candidate = value as Record<string, unknown>;
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    if (name in candidate) continue;
    candidate[name] = fill(property);
    if (body.safeParse(candidate).success) return candidate;
  }
  return candidate;
}

/** A fresh minimal body for the route, or undefined when it takes none. */
export function minimalBody(spec: RouteSpec): unknown {
  if (!spec.body) return undefined;
  const override = OVERRIDES[`${spec.method} ${spec.path}`];
  return override ? override() : derive(spec.body);
}

/** Which routes need a hand-written body: kept small on purpose. */
export const OVERRIDDEN_ROUTES = Object.keys(OVERRIDES);
