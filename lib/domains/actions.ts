"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/entry-points/action";
import { isUuid } from "@/lib/http/ids";
import { addCustomDomain, removeCustomDomain, verifyCustomDomain } from "./service";

// The domains page's actions, through the service the REST API uses.

const domainInput = z.object({ domainId: z.string().refine(isUuid, "is not a valid id") });

export const addDomainAction = tenantAction(
  { permission: "write:config", input: z.object({ hostname: z.string().max(300) }), form: true },
  async ({ ctx, input }) => {
    const domain = await addCustomDomain(ctx.tenantId, input.hostname, ctx.actor);
    revalidatePath("/settings/domains");
    return { message: `${domain.hostname} added. Create the DNS records below, then verify.` };
  },
);

export const verifyDomainAction = tenantAction({ permission: "write:config", input: domainInput }, async ({ ctx, input }) => {
  const domain = await verifyCustomDomain(ctx.tenantId, input.domainId, ctx.actor);
  revalidatePath("/settings/domains");
  const verified = domain.status === "verified" && !domain.lastCheckError;
  return { ok: verified, message: verified ? `${domain.hostname} is verified.` : `Not verified: ${domain.lastCheckError}` };
});

export const removeDomainAction = tenantAction({ permission: "write:config", input: domainInput }, async ({ ctx, input }) => {
  await removeCustomDomain(ctx.tenantId, input.domainId, ctx.actor);
  revalidatePath("/settings/domains");
  return { message: "Domain removed." };
});
