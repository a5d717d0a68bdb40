"use server";

import { type ActionResult, toActionResult } from "@/lib/http/action-result";
import { acceptInvitation } from "@/lib/members/service";
import { getRequestTenantId } from "@/lib/tenancy/current";

/** Anyone holding the link may accept it, on the tenant's own host only. */
export async function acceptInvitationAction(
  token: string,
  _: unknown,
  form: FormData,
): Promise<ActionResult<{ email: string }>> {
  const tenantId = await getRequestTenantId();
  if (!tenantId) return { ok: false, message: "Open the invitation link on the portal's own address." };
  return toActionResult(async () => {
    const { email } = await acceptInvitation(tenantId, token, { name: form.get("name"), password: form.get("password") });
    return { message: "Welcome! Signing you in…", data: { email } };
  });
}
