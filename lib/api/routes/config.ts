import { z } from "zod";
import { tenantConfigPatchSchema } from "@/lib/config/patch-schema";
import { tenantConfigSchema } from "@/lib/config/schemas";
import { defineRoute } from "../spec";

const tenantConfigViewSchema = tenantConfigSchema.extend({
  effective: z.object({
    features: z.record(z.string(), z.boolean()),
    limits: z.record(z.string(), z.number()),
  }),
});

const configWarningSchema = z.object({
  path: z.string(),
  rule: z.string(),
  reason: z.string(),
  line: z.number().int().optional(),
});

export const configRoutes = {
  getConfig: defineRoute({
    method: "GET",
    path: "/tenants/{id}/config",
    summary: "The tenant's configuration: branding, features, limits, security, payment, and what takes effect",
    tag: "Config",
    access: "tenant",
    permission: "read:config",
    tenantParam: "id",
    success: { status: 200, schema: tenantConfigViewSchema, description: "The configuration" },
  }),
  updateConfig: defineRoute({
    method: "PATCH",
    path: "/tenants/{id}/config",
    summary: "Deep-merge a change into the configuration (`null` removes a key); limits are the platform's to change",
    tag: "Config",
    access: "tenant",
    permission: "write:config",
    tenantParam: "id",
    body: tenantConfigPatchSchema,
    success: {
      status: 200,
      schema: tenantConfigViewSchema.extend({ warnings: z.array(configWarningSchema) }),
      description: "The configuration after the change, with what the CSS sanitiser will drop",
    },
    errors: ["plan_required", "insufficient_permissions", "validation_failed"],
  }),
} satisfies Record<string, ReturnType<typeof defineRoute>>;
