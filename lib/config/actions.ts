"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/entry-points/action";
import { FEATURES } from "@/lib/tenants/plans";
import { ipAllowed } from "./ip-allowlist";
import { securitySchema } from "./schemas";
import { updateTenantConfig } from "./service";

// The tenant's features and security settings, through the config service the
// REST API uses (which refuses what the plan lacks: plan_required).

export const setFeatureAction = tenantAction(
  { permission: "write:config", input: z.object({ feature: z.enum(FEATURES), enabled: z.boolean() }) },
  async ({ ctx, input }) => {
    await updateTenantConfig(ctx.tenantId, { features: { [input.feature]: input.enabled } }, ctx.actor, {
      mayChangeLimits: false,
    });
    revalidatePath("/settings/features");
    return { message: `${input.feature} is now ${input.enabled ? "on" : "off"}.` };
  },
);

export type SecurityOutcome = { needsConfirmation?: boolean; ip?: string | null };

/**
 * Saves the IP allowlist and allowed domains. A non-empty allowlist that does
 * not include the caller's own address (or when that address is unknown) is
 * saved only on an explicit second confirmation.
 */
export const saveSecurityAction = tenantAction(
  {
    permission: "write:config",
    // excludeSelf: the second confirmation, for a list that leaves out the saver's own address.
    input: securitySchema.required().extend({ excludeSelf: z.boolean() }),
  },
  async ({ ctx, input }) => {
    const { excludeSelf, ...security } = input;
    const ip = ctx.actor.ip ?? null;
    if (security.ipAllowlist.length > 0 && !ipAllowed(ip, security.ipAllowlist) && !excludeSelf) {
      const who = ip ? `your address ${ip}` : "your address (unknown here)";
      return {
        message: `The allowlist does not include ${who}: API keys used from it would be refused. Save anyway?`,
        data: { needsConfirmation: true, ip } as SecurityOutcome,
      };
    }
    await updateTenantConfig(ctx.tenantId, { security }, ctx.actor, { mayChangeLimits: false });
    revalidatePath("/settings/security");
    return { message: "Security settings saved.", data: { ip } as SecurityOutcome };
  },
);
