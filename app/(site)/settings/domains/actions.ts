"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { addCustomDomain, removeCustomDomain, verifyCustomDomain } from "@/lib/domains/service";
import { type ActionResult, toActionResult } from "@/lib/http/action-result";

// Each action checks the session for this host and write:config itself.
async function asConfigWriter(
  work: (tenantId: string, actor: { id: string; email: string }) => Promise<{ message: string }>,
): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user?.tenantId) return { ok: false, message: "Your session has ended. Sign in again." };
  if (!can(user.role, "write:config")) return { ok: false, message: "Your role cannot change domains (needs write:config)." };
  const tenantId = user.tenantId;
  const result = await toActionResult(() => work(tenantId, { id: user.id, email: user.email }));
  revalidatePath("/settings/domains");
  return result;
}

export async function addDomainAction(_: unknown, form: FormData): Promise<ActionResult> {
  return asConfigWriter(async (tenantId, actor) => {
    const domain = await addCustomDomain(tenantId, String(form.get("hostname") ?? ""), actor);
    return { message: `${domain.hostname} added. Create the DNS records below, then verify.` };
  });
}

export async function verifyDomainAction(domainId: string): Promise<ActionResult> {
  return asConfigWriter(async (tenantId, actor) => {
    const domain = await verifyCustomDomain(tenantId, domainId, actor);
    const verified = domain.status === "verified" && !domain.lastCheckError;
    return { ok: verified, message: verified ? `${domain.hostname} is verified.` : `Not verified: ${domain.lastCheckError}` };
  });
}

export async function removeDomainAction(domainId: string): Promise<ActionResult> {
  return asConfigWriter(async (tenantId, actor) => {
    await removeCustomDomain(tenantId, domainId, actor);
    return { message: "Domain removed." };
  });
}
