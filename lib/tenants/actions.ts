"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { issueActingTicket } from "@/lib/admin/acting";
import { tenantConfigPatchSchema } from "@/lib/config/patch-schema";
import { featuresSchema } from "@/lib/config/schemas";
import { updateTenantConfig } from "@/lib/config/service";
import { findTenantBySlug } from "@/lib/db/platform";
import { platformAction } from "@/lib/entry-points/action";
import { ApiError } from "@/lib/http/errors";
import { isUuid } from "@/lib/http/ids";
import { createTenant } from "./create-tenant";
import { portalOrigin, reachedVia } from "./links";
import { getTenant } from "./queries";
import { createTenantSchema, slugSchema, suspendTenantSchema, updateTenantSchema } from "./schemas";
import { activateTenant, deleteTenant, suspendTenant, updateTenant } from "./service";

// The super-admin dashboard's actions on tenants: the REST API's schemas and
// services, with the super-admin as the audited actor.

export type CreatedTenantResult = { id: string; slug: string; name: string; inviteUrl: string | null };

const tenantInput = z.object({ tenantId: z.string().refine(isUuid, "is not a valid id") });
const refresh = (tenantId: string) => revalidatePath(`/admin/tenants/${tenantId}`, "layout");
// An empty optional form field means "not given".
const emptyAsAbsent = (value: unknown) => (value === "" ? undefined : value);

export const createTenantAction = platformAction(
  {
    input: createTenantSchema.extend({ ownerEmail: z.preprocess(emptyAsAbsent, createTenantSchema.shape.ownerEmail) }),
    form: true,
  },
  async ({ ctx, input }) => {
    const tenant = await createTenant(input, ctx.actor, reachedVia(await headers()));
    revalidatePath("/admin", "layout");
    const data: CreatedTenantResult = {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      inviteUrl: tenant.invitation?.url ?? null,
    };
    return { message: `${tenant.name} created.`, data };
  },
);

/**
 * The live slug check: format and reserved words by the API's slug schema,
 * then availability. The create action checks again (and the unique index
 * decides a race); this only answers early.
 */
export const checkSlugAction = platformAction({ input: z.object({ slug: slugSchema }) }, async ({ input }) => {
  const taken = await findTenantBySlug(input.slug);
  return taken ? { ok: false, message: `The slug ${input.slug} is taken.` } : { message: `${input.slug} is available.` };
});

export const suspendTenantAction = platformAction(
  { input: tenantInput.extend(suspendTenantSchema.shape) },
  async ({ ctx, input }) => {
    const tenant = await suspendTenant(input.tenantId, input.reason, ctx.actor);
    refresh(input.tenantId);
    return { message: `${tenant.name} is suspended.` };
  },
);

export const activateTenantAction = platformAction({ input: tenantInput }, async ({ ctx, input }) => {
  const tenant = await activateTenant(input.tenantId, ctx.actor);
  refresh(input.tenantId);
  return { message: `${tenant.name} is active again.` };
});

/** Deletes only when the typed slug matches: the same confirmation the page asks for, checked here too. */
export const deleteTenantAction = platformAction(
  { input: tenantInput.extend({ slug: z.string().max(100) }) },
  async ({ ctx, input }) => {
    const tenant = await getTenant(input.tenantId);
    if (input.slug.trim() !== tenant.slug) {
      throw new ApiError("validation_failed", 422, "Type the tenant's slug to confirm.", [
        { path: ["slug"], message: "does not match" },
      ]);
    }
    await deleteTenant(input.tenantId, ctx.actor);
    revalidatePath("/admin", "layout");
    return { message: `${tenant.name} was deleted.` };
  },
);

/** Plan and limit overrides, as PATCH /tenants/{id} takes them (null removes an override). */
export const updateTenantAction = platformAction(
  { input: tenantInput.extend(updateTenantSchema.shape).strict() },
  async ({ ctx, input: { tenantId, ...patch } }) => {
    const tenant = await updateTenant(tenantId, patch, ctx.actor);
    refresh(tenantId);
    return { message: `${tenant.name} updated.` };
  },
);

export const updateFeaturesAction = platformAction(
  { input: tenantInput.extend({ features: featuresSchema }) },
  async ({ ctx, input }) => {
    await updateTenantConfig(input.tenantId, { features: input.features }, ctx.actor, { mayChangeLimits: true });
    refresh(input.tenantId);
    return { message: "Features saved." };
  },
);

/** Colours and logo, through the config service (contrast checked there, reported at the field). */
export const updateBrandingAction = platformAction(
  { input: tenantInput.extend({ branding: tenantConfigPatchSchema.shape.branding }) },
  async ({ ctx, input }) => {
    await updateTenantConfig(input.tenantId, { branding: input.branding }, ctx.actor, { mayChangeLimits: true });
    refresh(input.tenantId);
    return { message: "Branding saved." };
  },
);

/**
 * "Open as admin": a one-time link (a minute, single use) that opens this
 * tenant's own settings on its host in an acting session, audited here as
 * opened and there, action by action, under the super-admin's name.
 */
export const openAsAdminAction = platformAction({ input: tenantInput }, async ({ ctx, input }) => {
  const tenant = await getTenant(input.tenantId);
  const ticket = await issueActingTicket(tenant.id, ctx.user.id, ctx.actor);
  const url = `${portalOrigin(tenant.slug, reachedVia(await headers()))}/act-as?ticket=${ticket}`;
  return { message: `Opening ${tenant.name}'s portal…`, data: { url } };
});
