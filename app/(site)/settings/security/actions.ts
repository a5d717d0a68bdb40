"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ipAllowed } from "@/lib/config/ip-allowlist";
import { securitySchema } from "@/lib/config/schemas";
import { updateTenantConfig } from "@/lib/config/service";
import type { ActionResult } from "@/lib/http/action-result";
import { asTenantUser, parseInput, requestIp } from "@/lib/http/session-action";

const inputSchema = z.object({
  security: securitySchema.required(),
  /** The second confirmation, for a list that leaves out the saver's own address. */
  excludeSelf: z.boolean(),
});

export type SecurityOutcome = { needsConfirmation?: boolean; ip?: string | null };

/**
 * Saves the IP allowlist and allowed domains. A non-empty allowlist that does
 * not include the caller's own address (or when that address is unknown) is
 * saved only on an explicit second confirmation.
 */
export async function saveSecurityAction(input: {
  ipAllowlist: string[];
  allowedDomains: string[];
  excludeSelf: boolean;
}): Promise<ActionResult<SecurityOutcome>> {
  const result = await asTenantUser<SecurityOutcome>("write:config", async ({ tenantId, actor }) => {
    const { security, excludeSelf } = parseInput(inputSchema, {
      security: { ipAllowlist: input.ipAllowlist, allowedDomains: input.allowedDomains },
      excludeSelf: input.excludeSelf,
    });
    const ip = await requestIp();
    const list = security.ipAllowlist;
    if (list.length > 0 && !ipAllowed(ip, list) && !excludeSelf) {
      const who = ip ? `your address ${ip}` : "your address (unknown here)";
      return {
        message: `The allowlist does not include ${who}: API keys used from it would be refused. Save anyway?`,
        data: { needsConfirmation: true, ip },
      };
    }
    await updateTenantConfig(tenantId, { security }, actor, { mayChangeLimits: false });
    return { message: "Security settings saved.", data: { ip } };
  });
  revalidatePath("/settings/security");
  return result;
}
