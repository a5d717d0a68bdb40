"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type RemovedCss, sanitizeCustomCss } from "@/lib/branding/sanitize-css";
import { brandingSchema } from "@/lib/config/schemas";
import { updateTenantConfig } from "@/lib/config/service";
import type { ActionResult } from "@/lib/http/action-result";
import { asTenantUser, parseInput } from "@/lib/http/session-action";

const editable = brandingSchema.pick({ primaryColor: true, accentColor: true, customCss: true });

/** Saves only the fields the editor changed, so a concurrent change to another field is not overwritten. */
export async function saveBrandingAction(changes: Record<string, unknown>): Promise<ActionResult<{ removed: RemovedCss[] }>> {
  const result = await asTenantUser<{ removed: RemovedCss[] }>("write:config", async ({ tenantId, actor }) => {
    const branding = parseInput(editable, changes);
    const saved = await updateTenantConfig(tenantId, { branding }, actor, { mayChangeLimits: false });
    const removed = saved.warnings.map(({ rule, reason, line }) => ({ rule, reason, line }));
    return { message: "Branding saved. Every page shows it from the next request.", data: { removed } };
  });
  revalidatePath("/", "layout");
  return result;
}

/** Back to the platform's colours, no logo, favicon or custom CSS. */
export async function resetBrandingAction(): Promise<ActionResult> {
  const result = await asTenantUser("write:config", async ({ tenantId, actor }) => {
    const cleared = { primaryColor: null, accentColor: null, logoUrl: null, faviconUrl: null, customCss: null };
    await updateTenantConfig(tenantId, { branding: cleared }, actor, { mayChangeLimits: false });
    return { message: "Branding reset to the platform's defaults." };
  });
  revalidatePath("/", "layout");
  return result;
}

/** What the sanitiser would drop from this CSS and why: the editor shows it before saving. */
/** What the sanitiser would remove and why, and what it keeps, scoped to the branding page's preview. */
export async function checkCustomCssAction(css: string): Promise<ActionResult<{ removed: RemovedCss[]; previewCss: string }>> {
  return asTenantUser<{ removed: RemovedCss[]; previewCss: string }>("read:config", async () => {
    const { removed, css: previewCss } = sanitizeCustomCss(parseInput(z.string().max(40_000), css), {
      scope: "[data-brand-preview]",
    });
    return {
      message: removed.length ? `${removed.length} part(s) would be removed.` : "Nothing would be removed.",
      data: { removed, previewCss },
    };
  });
}
