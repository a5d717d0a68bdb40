import type { z } from "zod";
import { PLATFORM_COLORS } from "@/lib/branding/brand";
import { type ContrastPair, derivePalette } from "@/lib/branding/contrast";
import { sanitizeCustomCss } from "@/lib/branding/sanitize-css";
import type { Plan } from "@/lib/db/generated/prisma/enums";
import { ApiError, planRequired } from "@/lib/http/errors";
import { cheapestPlanWith, type Feature, FEATURES, planIncludes } from "@/lib/tenants/plans";
import type { TenantConfigPatch } from "./patch-schema";
import type { brandingSchema } from "./schemas";

/**
 * Refuses a patch that switches on a feature, or sets custom CSS, beyond the
 * plan. Only what the patch turns on is checked: a flag stored before a
 * downgrade stays harmless (effectiveFeatures ignores it), and switching
 * anything off or removing CSS is always allowed.
 */
export function assertPlanAllows(plan: Plan, patch: TenantConfigPatch): void {
  const wanted = FEATURES.filter((feature) => patch.features?.[feature] === true);
  if (typeof patch.branding?.customCss === "string") wanted.push("customCss");
  const missing = wanted.find((feature) => !planIncludes(plan, feature));
  if (missing) throw planRequired(planMessage(missing, plan));
}

function planMessage(feature: Feature, plan: Plan): string {
  const what = feature === "customCss" ? "Custom CSS" : `The \`${feature}\` feature`;
  return `${what} is not included in the ${plan} plan; it needs the ${cheapestPlanWith(feature)} plan or higher.`;
}

type Branding = z.output<typeof brandingSchema>;

const PAIR_FIELD = {
  "text on primary": "primaryColor",
  "text on accent": "accentColor",
  "accent on page background": "accentColor",
} as const satisfies Record<ContrastPair, keyof Branding>;

/**
 * The brand colours must give readable text (WCAG AA) with the foreground the
 * portal derives from them, as a pair: an unset one counts as the platform's,
 * which is what the portal would render. Each failing pair is reported at the
 * field to change, with the ratio and how far short it falls.
 */
export function assertReadableColors(branding: Branding): void {
  const result = derivePalette({
    primaryColor: branding.primaryColor ?? PLATFORM_COLORS.primaryColor,
    accentColor: branding.accentColor ?? PLATFORM_COLORS.accentColor,
  });
  if (result.ok) return;
  const details = result.problems.map((problem) => ({
    path: ["branding", PAIR_FIELD[problem.pair]],
    message: problem.message,
  }));
  throw new ApiError("validation_failed", 422, result.problems.map((problem) => problem.message).join(" "), details);
}

export type ConfigWarning = { path: string; rule: string; reason: string; line?: number };

/**
 * Custom CSS is stored as written and sanitised whenever it is served; these
 * are the parts the sanitiser will drop, so the tenant can fix them now.
 */
export function customCssWarnings(css: string): ConfigWarning[] {
  return sanitizeCustomCss(css).removed.map((removed) => ({ path: "branding.customCss", ...removed }));
}
