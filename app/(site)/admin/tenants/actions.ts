"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { asSuperAdmin, formObject } from "@/lib/admin/action";
import { getSuperAdmin } from "@/lib/admin/access";
import { findTenantBySlug } from "@/lib/db/platform";
import type { ActionResult } from "@/lib/http/action-result";
import { parseInput } from "@/lib/http/session-action";
import { createTenant } from "@/lib/tenants/create-tenant";
import { reachedVia } from "@/lib/tenants/links";
import { createTenantSchema, slugSchema } from "@/lib/tenants/schemas";

export type CreatedTenantResult = { id: string; slug: string; name: string; inviteUrl: string | null };

/** Create tenant: the REST API's schema and service; the owner's invitation link comes back once. */
export async function createTenantAction(_: unknown, form: FormData): Promise<ActionResult<CreatedTenantResult>> {
  return asSuperAdmin(async ({ actor }) => {
    const input = parseInput(createTenantSchema, formObject(form, ["name", "slug", "plan", "ownerEmail"], ["ownerEmail"]));
    const tenant = await createTenant(input, actor, reachedVia(await headers()));
    revalidatePath("/admin", "layout");
    return {
      message: `${tenant.name} created.`,
      data: { id: tenant.id, slug: tenant.slug, name: tenant.name, inviteUrl: tenant.invitation?.url ?? null },
    };
  });
}

/**
 * The live slug check: format and reserved words by the API's slug schema,
 * then availability. The create action checks again (and the unique index
 * decides a race); this only answers early.
 */
export async function checkSlugAction(slug: unknown): Promise<{ ok: boolean; message: string }> {
  if (!(await getSuperAdmin())) return { ok: false, message: "Only a super-admin can check slugs." };
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return { ok: false, message: `The slug ${parsed.error.issues[0]?.message ?? "is not valid"}.` };
  const taken = await findTenantBySlug(parsed.data);
  return taken
    ? { ok: false, message: `The slug ${parsed.data} is taken.` }
    : { ok: true, message: `${parsed.data} is available.` };
}
