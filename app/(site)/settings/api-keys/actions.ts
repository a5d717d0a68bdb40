"use server";

import { revalidatePath } from "next/cache";
import { apiKeyCreateSchema, apiKeyRotateSchema } from "@/lib/api-keys/schemas";
import { createApiKey, type KeyGrantor, revokeApiKey, rotateApiKey } from "@/lib/api-keys/service";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/http/action-result";
import { memberIdOf } from "@/lib/auth/member";
import { type ActionContext, asTenantUser, parseInput } from "@/lib/http/session-action";

// Public endpoints: each re-checks the session and write:keys, and the
// service refuses to grant a permission the user's role lacks.

export type NewSecret = { id: string; name: string; prefix: string; secret: string };

function grantorOf({ user, actor }: ActionContext): KeyGrantor {
  return { actor, userId: memberIdOf(user), mayGrant: ROLE_PERMISSIONS[user.role] };
}

export async function createApiKeyAction(input: {
  name: string;
  permissions: string[];
  expiresAt?: string;
}): Promise<ActionResult<NewSecret>> {
  const result = await asTenantUser<NewSecret>("write:keys", async (context) => {
    const body = parseInput(apiKeyCreateSchema, { ...input, expiresAt: input.expiresAt || undefined });
    const key = await createApiKey(context.tenantId, body, grantorOf(context));
    return {
      message: `Key “${key.name}” created.`,
      data: { id: key.id, name: key.name, prefix: key.prefix, secret: key.secret },
    };
  });
  revalidatePath("/settings/api-keys");
  return result;
}

export async function revokeApiKeyAction(keyId: string): Promise<ActionResult> {
  const result = await asTenantUser("write:keys", async ({ tenantId, actor }) => {
    await revokeApiKey(tenantId, String(keyId), actor);
    return { message: "Key revoked. It is refused from now on." };
  });
  revalidatePath("/settings/api-keys");
  return result;
}

export async function rotateApiKeyAction(keyId: string, gracePeriodHours: number): Promise<ActionResult<NewSecret>> {
  const result = await asTenantUser<NewSecret>("write:keys", async (context) => {
    const body = parseInput(apiKeyRotateSchema, { gracePeriodHours });
    const key = await rotateApiKey(context.tenantId, String(keyId), body, grantorOf(context));
    return {
      message: `Key “${key.name}” rotated.`,
      data: { id: key.id, name: key.name, prefix: key.prefix, secret: key.secret },
    };
  });
  revalidatePath("/settings/api-keys");
  return result;
}
