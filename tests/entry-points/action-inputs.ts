import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { PASSWORD, type Row, type RowKind } from "./action-world";

// A valid input for every Server Action, derived from its zod input (through
// its JSON Schema, as tests/isolation/bodies.ts does for REST bodies), with
// ids filled from seeded rows; and the hostile inputs sent with a permitted
// session. Ids are named by their field, so a new action whose fields follow
// the names below needs nothing here.

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
};

/** Fields that name a row, and which kind. On the platform's actions `tenantId` names a scratch tenant (see `rowFor`). */
export const ID_FIELDS: Record<string, RowKind> = {
  keyId: "key",
  domainId: "domain",
  userId: "member",
  invitationId: "invitation",
  token: "invitation",
};

let counter = 0;
const run = randomBytes(3).toString("hex");
export const unique = (prefix = "act") => `${prefix}${run}${(counter++).toString(36)}`;

/**
 * Values a schema cannot describe, by field name: what the service checks
 * beyond the schema (an email, a hostname, a slug that is free, a password
 * that passes the rules, a role an admin may grant, the seeded users' password).
 */
const BY_NAME: Record<string, () => unknown> = {
  email: () => `${unique()}@invitee.example`,
  hostname: () => `${unique()}.actions.example`,
  slug: () => unique("act-"),
  role: () => "VIEWER",
  password: () => `Tr0ub4dor-${unique()}`,
  newPassword: () => `Tr0ub4dor-${unique()}`,
  currentPassword: () => PASSWORD,
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

export type FieldInfo = { name: string; type: string; required: boolean; id: RowKind | "tenant" | null };

export function jsonSchemaOf(input: z.ZodType): JsonSchema {
  return z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** The input's top-level fields; `tenantId` and the ID_FIELDS are ids. */
export function fieldsOf(input: z.ZodType): FieldInfo[] {
  const json = jsonSchemaOf(input);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const type = property.anyOf ? (property.anyOf.find((o) => o.type !== "null")?.type ?? "any") : (property.type ?? "any");
    return {
      name,
      type: Array.isArray(type) ? (type.find((t) => t !== "null") ?? "any") : type,
      required: (json.required ?? []).includes(name),
      id: name === "tenantId" ? "tenant" : (ID_FIELDS[name] ?? null),
    };
  });
}

/**
 * A row for each id field: `source(kind)` gives the tenant's row of that kind;
 * on a platform action, `tenantId`, and the key or slug beside it, are all one
 * scratch tenant's (`source("tenant")`), and a key with no tenant is a platform key.
 */
export function idValues(fields: FieldInfo[], source: (kind: string) => Row): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const tenant = fields.some((f) => f.id === "tenant") ? source("tenant") : null;
  for (const field of fields) {
    if (field.id === "tenant") values.tenantId = tenant!.id;
    else if (tenant && field.name === "keyId") values.keyId = tenant.keyId;
    else if (tenant && field.name === "slug") values.slug = tenant.slug;
    else if (field.id) {
      const row = source(field.id);
      values[field.name] = field.name === "token" ? row.token : row.id;
    }
  }
  return values;
}

/**
 * The required fields (ids from `ids`, values by name, the rest from the
 * schema); then, while the schema still refuses the value, one optional field more.
 */
export function validInput(input: z.ZodType, ids: Record<string, unknown>): Record<string, unknown> {
  const json = jsonSchemaOf(input);
  const value: Record<string, unknown> = {};
  const valueOf = (name: string) =>
    name in ids ? ids[name] : BY_NAME[name] ? BY_NAME[name]() : fill(json.properties?.[name] ?? {});
  for (const name of json.required ?? []) value[name] = valueOf(name);
  for (const name of Object.keys(json.properties ?? {})) {
    if (input.safeParse(value).success) break;
    if (!(name in value)) value[name] = valueOf(name);
  }
  return value;
}

/** An id that names nothing: a fresh UUID, or for an invitation token a fresh random token. */
export function unknownId(field: string): string {
  return field === "token" ? randomBytes(24).toString("base64url") : randomUUID();
}

/** A value of another type than the field's. */
export function wrongType(type: string): unknown {
  switch (type) {
    case "string":
      return 12345;
    case "boolean":
      return "yes";
    case "array":
      return "not a list";
    case "object":
      return [1, 2];
    default:
      return { nested: true };
  }
}

/**
 * Strings a parser or a database may choke on: U+0000 and an unpaired
 * surrogate (neither can be stored as PostgreSQL text; the fuzz suite sends
 * each alone and many more), and a huge one, under Next's 1 MB body limit for actions.
 */
export const HOSTILE_STRINGS: Record<string, string> = {
  unstorable: "a\u0000b\ud800c",
  huge: "A".repeat(100_000),
};
