"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { issueActingTicket } from "@/lib/admin/acting";
import { asSuperAdmin } from "@/lib/admin/action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { apiKeyCreateSchema } from "@/lib/api-keys/schemas";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { updateTenantConfig } from "@/lib/config/service";
import { tenantConfigPatchSchema } from "@/lib/config/patch-schema";
import { featuresSchema } from "@/lib/config/schemas";
import type { ActionResult } from "@/lib/http/action-result";
import { ApiError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/session-action";
import { activateTenant, deleteTenant, suspendTenant, updateTenant } from "@/lib/tenants/service";
import { getTenant } from "@/lib/tenants/queries";
import { portalOrigin, reachedVia } from "@/lib/tenants/links";
import { suspendTenantSchema, updateTenantSchema } from "@/lib/tenants/schemas";

// Each action is a public endpoint: asSuperAdmin re-checks the caller, then the
// REST API's own service runs with the super-admin as the audited actor.

const refresh = (tenantId: string) => revalidatePath(`/admin/tenants/${tenantId}`, "layout");

export async function suspendTenantAction(tenantId: string, reason: unknown): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    const { reason: checked } = parseInput(suspendTenantSchema, { reason });
    const tenant = await suspendTenant(tenantId, checked, actor);
    refresh(tenantId);
    return { message: `${tenant.name} is suspended.` };
  });
}

export async function activateTenantAction(tenantId: string): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    const tenant = await activateTenant(tenantId, actor);
    refresh(tenantId);
    return { message: `${tenant.name} is active again.` };
  });
}

/** Deletes only when the typed slug matches: the same confirmation the page asks for, checked here too. */
export async function deleteTenantAction(tenantId: string, typedSlug: unknown): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    const tenant = await getTenant(tenantId);
    if (String(typedSlug ?? "").trim() !== tenant.slug) {
      throw new ApiError("validation_failed", 422, "Type the tenant's slug to confirm.", [
        { path: ["slug"], message: "does not match" },
      ]);
    }
    await deleteTenant(tenantId, actor);
    revalidatePath("/admin", "layout");
    return { message: `${tenant.name} was deleted.` };
  });
}

/** Plan and limit overrides, as PATCH /tenants/{id} takes them (null removes an override). */
export async function updateTenantAction(tenantId: string, patch: unknown): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    const tenant = await updateTenant(tenantId, parseInput(updateTenantSchema, patch), actor);
    refresh(tenantId);
    return { message: `${tenant.name} updated.` };
  });
}

export async function updateFeaturesAction(tenantId: string, features: unknown): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    const patch = parseInput(featuresSchema, features);
    await updateTenantConfig(tenantId, { features: patch }, actor, { mayChangeLimits: true });
    refresh(tenantId);
    return { message: "Features saved." };
  });
}

export async function createTenantKeyAction(
  tenantId: string,
  input: unknown,
): Promise<ActionResult<{ secret: string; name: string }>> {
  return asSuperAdmin(async ({ actor }) => {
    const key = await createApiKey(tenantId, parseInput(apiKeyCreateSchema, input), {
      actor,
      userId: null,
      mayGrant: PERMISSIONS,
    });
    refresh(tenantId);
    return { message: `Key ${key.name} created.`, data: { secret: key.secret, name: key.name } };
  });
}

export async function revokeTenantKeyAction(tenantId: string, keyId: string): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    await revokeApiKey(tenantId, keyId, actor);
    refresh(tenantId);
    return { message: "Key revoked." };
  });
}

/** Colours and logo, through the config service (contrast checked there, reported at the field). */
export async function updateBrandingAction(tenantId: string, branding: unknown): Promise<ActionResult> {
  return asSuperAdmin(async ({ actor }) => {
    const patch = parseInput(tenantConfigPatchSchema, { branding });
    await updateTenantConfig(tenantId, patch, actor, { mayChangeLimits: true });
    refresh(tenantId);
    return { message: "Branding saved." };
  });
}

/**
 * "Open as admin": a one-time link (a minute, single use) that opens this
 * tenant's own settings on its host in an acting session, audited here as
 * opened and there, action by action, under the super-admin's name.
 */
export async function openAsAdminAction(tenantId: string): Promise<ActionResult<{ url: string }>> {
  return asSuperAdmin(async ({ user, actor }) => {
    const tenant = await getTenant(tenantId);
    const ticket = await issueActingTicket(tenant.id, user.id, actor);
    const url = `${portalOrigin(tenant.slug, reachedVia(await headers()))}/act-as?ticket=${ticket}`;
    return { message: `Opening ${tenant.name}'s portal…`, data: { url } };
  });
}
