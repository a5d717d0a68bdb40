"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { brandingSchema } from "@/lib/config/schemas";
import { updateTenantConfig } from "@/lib/config/service";
import { tenantAction } from "@/lib/entry-points/action";
import { type RemovedCss, sanitizeCustomCss } from "./sanitize-css";

// The branding page's actions. Uploads go through their own route
// (app/(site)/settings/branding/upload/route.ts) for progress reporting.

const editable = brandingSchema.pick({ primaryColor: true, accentColor: true, customCss: true });

/** Saves only the fields the editor changed, so a concurrent change to another field is not overwritten. */
export const saveBrandingAction = tenantAction({ permission: "write:config", input: editable }, async ({ ctx, input }) => {
  const saved = await updateTenantConfig(ctx.tenantId, { branding: input }, ctx.actor, { mayChangeLimits: false });
  revalidatePath("/", "layout");
  const removed: RemovedCss[] = saved.warnings.map(({ rule, reason, line }) => ({ rule, reason, line }));
  return { message: "Branding saved. Every page shows it from the next request.", data: { removed } };
});

/** Back to the platform's colours, no logo, favicon or custom CSS. */
export const resetBrandingAction = tenantAction({ permission: "write:config", input: z.object({}) }, async ({ ctx }) => {
  const cleared = { primaryColor: null, accentColor: null, logoUrl: null, faviconUrl: null, customCss: null };
  await updateTenantConfig(ctx.tenantId, { branding: cleared }, ctx.actor, { mayChangeLimits: false });
  revalidatePath("/", "layout");
  return { message: "Branding reset to the platform's defaults." };
});

/** What the sanitiser would remove and why, and what it keeps, scoped to the branding page's preview. */
export const checkCustomCssAction = tenantAction(
  { permission: "read:config", limit: "heavy", input: z.object({ css: z.string().max(40_000) }) },
  async ({ input }) => {
    const { removed, css: previewCss } = sanitizeCustomCss(input.css, { scope: "[data-brand-preview]" });
    return {
      message: removed.length ? `${removed.length} part(s) would be removed.` : "Nothing would be removed.",
      data: { removed, previewCss },
    };
  },
);
