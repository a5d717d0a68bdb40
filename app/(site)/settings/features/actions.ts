"use server";

import { revalidatePath } from "next/cache";
import { updateTenantConfig } from "@/lib/config/service";
import type { ActionResult } from "@/lib/http/action-result";
import { asTenantUser, parseInput } from "@/lib/http/session-action";
import { FEATURES } from "@/lib/tenants/plans";
import { z } from "zod";

const toggleSchema = z.object({ feature: z.enum(FEATURES), enabled: z.boolean() });

/** Switches one feature flag through the config service, which refuses what the plan lacks (plan_required). */
export async function setFeatureAction(feature: string, enabled: boolean): Promise<ActionResult> {
  const result = await asTenantUser("write:config", async ({ tenantId, actor }) => {
    const input = parseInput(toggleSchema, { feature, enabled });
    await updateTenantConfig(tenantId, { features: { [input.feature]: input.enabled } }, actor, { mayChangeLimits: false });
    return { message: `${input.feature} is now ${input.enabled ? "on" : "off"}.` };
  });
  revalidatePath("/settings/features");
  return result;
}
