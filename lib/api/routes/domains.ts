import { z } from "zod";
import { customHostnameSchema } from "@/lib/domains/schemas";
import { notFound } from "@/lib/http/errors";
import { defineRoute } from "../spec";
import { isUuid } from "@/lib/http/ids";

export const domainJsonSchema = z.object({
  id: z.uuid(),
  hostname: z.string(),
  status: z.enum(["pending", "verified", "failed"]),
  verifiedAt: z.iso.datetime().nullable(),
  lastCheckedAt: z.iso.datetime().nullable(),
  lastCheckError: z.string().nullable(),
  dns: z
    .object({
      txt: z.object({ name: z.string(), value: z.string() }),
      cname: z.object({ name: z.string(), value: z.string() }),
    })
    .describe("The records to create at the domain's DNS provider"),
});

export const domainsRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/tenants/{id}/domains",
    summary: "The tenant's custom domains, oldest first",
    tag: "Domains",
    access: "tenant",
    tenantParam: "id",
    permission: "read:config",
    success: {
      status: 200,
      schema: z.object({ data: z.array(domainJsonSchema), nextCursor: z.null() }),
      description: "Every domain (a tenant has few; never paged)",
    },
  }),
  add: defineRoute({
    method: "POST",
    path: "/tenants/{id}/domains",
    summary: "Claim a custom domain, unverified until its TXT record is found",
    tag: "Domains",
    access: "tenant",
    tenantParam: "id",
    permission: "write:config",
    body: z.object({ hostname: customHostnameSchema }),
    success: { status: 201, schema: domainJsonSchema, description: "The domain and the DNS records to create" },
    errors: ["plan_required", "conflict"],
  }),
  verify: defineRoute({
    method: "POST",
    path: "/tenants/{id}/domains/{domainId}/verify",
    summary: "Check the domain's TXT record now; a verified domain routes to the tenant",
    tag: "Domains",
    access: "tenant",
    tenantParam: "id",
    permission: "write:config",
    success: { status: 200, schema: domainJsonSchema, description: "The domain after the check (status failed names why)" },
    errors: ["plan_required"],
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/tenants/{id}/domains/{domainId}",
    summary: "Remove a custom domain; it stops routing at once",
    tag: "Domains",
    access: "tenant",
    tenantParam: "id",
    permission: "write:config",
    success: { status: 204, description: "Removed" },
  }),
};

/**
 * The domain service records its audit actor as `{id, email}` (a signed-in
 * user); until it accepts the API's full Actor, a key's id and label travel
 * in those two fields.
 */

/** The `{domainId}` path parameter; one that is not a UUID names no domain (and must not reach a uuid column). */
export function domainIdOf(params: Record<string, string>): string {
  const id = params.domainId ?? "";
  if (!isUuid(id)) throw notFound("The domain");
  return id;
}
