import { z } from "zod";

/**
 * A copy of a response schema in which every object, at any depth, refuses
 * properties it does not declare: parsing a route's answer with it turns a
 * leaked or undocumented field into a failure (drift between the server and
 * its OpenAPI document, which is generated from the same schema).
 */
export function strictDeep(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
  switch (def.type) {
    case "object": {
      const shape = Object.fromEntries(
        Object.entries((schema as z.ZodObject).shape).map(([key, value]) => [key, strictDeep(value as z.ZodType)]),
      );
      // An object that declares what its other keys hold (`.catchall`) keeps that rule; any other gets none.
      const rest = (def as { catchall?: z.ZodType }).catchall;
      return rest ? z.object(shape).catchall(strictDeep(rest)) : z.strictObject(shape);
    }
    case "array":
      return z.array(strictDeep((schema as z.ZodArray<z.ZodType>).element));
    case "optional":
      return strictDeep((schema as z.ZodOptional<z.ZodType>).unwrap()).optional();
    case "nullable":
      return strictDeep((schema as z.ZodNullable<z.ZodType>).unwrap()).nullable();
    case "union":
      return z.union((schema as z.ZodUnion<z.ZodType[]>).options.map(strictDeep) as [z.ZodType, z.ZodType]);
    default:
      return schema;
  }
}
