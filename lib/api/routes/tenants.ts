import {
  createTenantSchema,
  createdTenantSchema,
  listTenantsQuerySchema,
  suspendTenantSchema,
  tenantListSchema,
  tenantViewSchema,
  updateTenantSchema,
} from "@/lib/tenants/schemas";
import { defineRoute } from "../spec";

// The platform's tenant management. Only GET /tenants/{id} is open to the
// tenant itself (its own id, with read:config); the rest is for operators.
export const tenantsRoutes = {
  create: defineRoute({
    method: "POST",
    path: "/tenants",
    summary: "Create a tenant, optionally inviting its first owner",
    tag: "Tenants",
    access: "platform",
    body: createTenantSchema,
    success: { status: 201, schema: createdTenantSchema, description: "The tenant, with the owner's one-time link if invited" },
    errors: ["conflict"],
  }),
  list: defineRoute({
    method: "GET",
    path: "/tenants",
    summary: "List tenants: search, filter by plan and status, sort, cursor pages",
    tag: "Tenants",
    access: "platform",
    query: listTenantsQuerySchema,
    success: { status: 200, schema: tenantListSchema, description: "A page of tenants and the cursor of the next" },
  }),
  get: defineRoute({
    method: "GET",
    path: "/tenants/{id}",
    summary: "Read a tenant: the platform any, a tenant its own",
    tag: "Tenants",
    access: "tenant",
    tenantParam: "id",
    permission: "read:config",
    success: { status: 200, schema: tenantViewSchema, description: "The tenant" },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/tenants/{id}",
    summary: "Rename, change the plan, or override limits (null removes an override)",
    tag: "Tenants",
    access: "platform",
    body: updateTenantSchema,
    success: { status: 200, schema: tenantViewSchema, description: "The updated tenant" },
  }),
  delete: defineRoute({
    method: "DELETE",
    path: "/tenants/{id}",
    summary: "Delete a tenant and everything it owns",
    tag: "Tenants",
    access: "platform",
    success: { status: 204, description: "Deleted" },
  }),
  suspend: defineRoute({
    method: "POST",
    path: "/tenants/{id}/suspend",
    summary: "Suspend a tenant: its portal and API refuse every request at once",
    tag: "Tenants",
    access: "platform",
    body: suspendTenantSchema,
    success: { status: 200, schema: tenantViewSchema, description: "The suspended tenant" },
  }),
  activate: defineRoute({
    method: "POST",
    path: "/tenants/{id}/activate",
    summary: "Reactivate a suspended tenant",
    tag: "Tenants",
    access: "platform",
    success: { status: 200, schema: tenantViewSchema, description: "The active tenant" },
  }),
} satisfies Record<string, ReturnType<typeof defineRoute>>;
