import { z } from "zod";
import { tenantConfigSchema } from "./schemas";

type Section = (typeof tenantConfigSchema.shape)[keyof typeof tenantConfigSchema.shape];

/** A section's fields, each optional and nullable (`null` removes the stored value); unknown keys are refused. */
function patchOf(section: Section) {
  const fields = Object.entries(section.shape as Record<string, z.ZodOptional<z.ZodType>>).map(
    ([key, field]) => [key, field.unwrap().nullable().optional()] as const,
  );
  return z.object(Object.fromEntries(fields)).strict();
}

/**
 * The body of PATCH /tenants/{id}/config, derived from tenantConfigSchema so
 * the two cannot drift: any subset of any section. Each value is checked here
 * already, so a bad one is reported at its own path (`branding.primaryColor`);
 * the merged whole is validated again before it is stored.
 */
export const tenantConfigPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(tenantConfigSchema.shape).map(([name, section]) => [name, patchOf(section).optional()] as const),
    ) as Record<keyof typeof tenantConfigSchema.shape, z.ZodOptional<ReturnType<typeof patchOf>>>,
  )
  .strict();

export type TenantConfigPatch = z.output<typeof tenantConfigPatchSchema>;
