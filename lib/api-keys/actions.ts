"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberIdOf } from "@/lib/auth/member";
import { PERMISSIONS, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { platformAction, tenantAction } from "@/lib/entry-points/action";
import type { TenantContext } from "@/lib/entry-points/admit";
import { isUuid } from "@/lib/http/ids";
import { getTenant } from "@/lib/tenants/queries";
import { apiKeyCreateSchema, apiKeyRotateSchema } from "./schemas";
import { createApiKey, type KeyGrantor, revokeApiKey, rotateApiKey } from "./service";

// API keys from the tenant's settings and from the super-admin dashboard. The
// service refuses to grant a permission the grantor lacks.

export type NewSecret = { id: string; name: string; prefix: string; secret: string };

const id = z.string().refine(isUuid, "is not a valid id");
const keyInput = z.object({ keyId: id });
const createInput = apiKeyCreateSchema.extend({ expiresAt: apiKeyCreateSchema.shape.expiresAt.or(z.literal("")) });

function grantorOf({ user, actor }: TenantContext): KeyGrantor {
  return { actor, userId: memberIdOf(user), mayGrant: ROLE_PERMISSIONS[user.role] };
}

const secretOf = (key: NewSecret): NewSecret => ({ id: key.id, name: key.name, prefix: key.prefix, secret: key.secret });

export const createApiKeyAction = tenantAction({ permission: "write:keys", input: createInput }, async ({ ctx, input }) => {
  const key = await createApiKey(ctx.tenantId, { ...input, expiresAt: input.expiresAt || undefined }, grantorOf(ctx));
  revalidatePath("/settings/api-keys");
  return { message: `Key “${key.name}” created.`, data: secretOf(key) };
});

export const revokeApiKeyAction = tenantAction({ permission: "write:keys", input: keyInput }, async ({ ctx, input }) => {
  await revokeApiKey(ctx.tenantId, input.keyId, ctx.actor);
  revalidatePath("/settings/api-keys");
  return { message: "Key revoked. It is refused from now on." };
});

export const rotateApiKeyAction = tenantAction(
  { permission: "write:keys", input: keyInput.extend(apiKeyRotateSchema.shape) },
  async ({ ctx, input }) => {
    const { keyId, ...body } = input;
    const key = await rotateApiKey(ctx.tenantId, keyId, body, grantorOf(ctx));
    revalidatePath("/settings/api-keys");
    return { message: `Key “${key.name}” rotated.`, data: secretOf(key) };
  },
);

const tenantInput = z.object({ tenantId: id });
const refreshTenant = (tenantId: string) => revalidatePath(`/admin/tenants/${tenantId}`, "layout");

/** A super-admin creates a key for a tenant: any permission may be granted. */
export const createTenantKeyAction = platformAction(
  { input: tenantInput.extend(apiKeyCreateSchema.shape) },
  async ({ ctx, input }) => {
    const { tenantId, ...body } = input;
    // A tenant that does not exist is not_found, as on the REST API (the key service assumes it exists).
    await getTenant(tenantId);
    const key = await createApiKey(tenantId, body, { actor: ctx.actor, userId: null, mayGrant: PERMISSIONS });
    refreshTenant(tenantId);
    return { message: `Key ${key.name} created.`, data: { secret: key.secret, name: key.name } };
  },
);

export const revokeTenantKeyAction = platformAction({ input: tenantInput.extend(keyInput.shape) }, async ({ ctx, input }) => {
  await revokeApiKey(input.tenantId, input.keyId, ctx.actor);
  refreshTenant(input.tenantId);
  return { message: "Key revoked." };
});
