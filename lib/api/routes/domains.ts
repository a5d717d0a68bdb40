import { z } from "zod";
import { customHostnameSchema } from "@/lib/domains/schemas";
import { DOMAIN_STATES } from "@/lib/domains/states";
import { notFound } from "@/lib/http/errors";
import { defineRoute } from "../spec";
import { isUuid } from "@/lib/http/ids";

export const domainJsonSchema = z.object({
  id: z.uuid(),
  hostname: z.string(),
  status: z
    .enum(DOMAIN_STATES)
    .describe(
      "pending: claimed, not verified yet; verified: routes, its TXT record re-checked daily; lapsing: the record is " +
        "gone but it routes until expiresAt; lapsed: stopped routing; expired: not verified in time. Lapsed and " +
        "expired claims are renewed by claiming the hostname again.",
    ),
  verifiedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso
    .datetime()
    .nullable()
    .describe("pending: when the claim expires; lapsing: when the domain stops routing; otherwise null"),
  lastCheckedAt: z.iso.datetime().nullable(),
  lastCheckError: z.string().nullable(),
  dns: z
    .object({
      txt: z.object({ name: z.string(), value: z.string() }),
      cname: z
        .object({ name: z.string(), value: z.string() })
        .describe("The CNAME for a subdomain (kept from the first version; `records` is complete)"),
      records: z
        .array(
          z.object({
            type: z.enum(["TXT", "CNAME", "A", "AAAA", "ALIAS"]),
            name: z.string(),
            value: z.string(),
            purpose: z.string(),
          }),
        )
        .describe(
          "Every record to create: the TXT proof, then a CNAME to the edge for a subdomain, or A/AAAA to the " +
            "edge's addresses and the ALIAS alternative for an apex",
        ),
    })
    .describe("The records to create at the domain's DNS provider"),
  routing: z
    .object({
      records: z.string().describe("The hostname's CNAME, A and AAAA records as last looked up"),
      toEdge: z.boolean().nullable().describe("Whether they reach the TLS edge"),
    })
    .nullable()
    .describe("Where the domain pointed at its last check; null before the first"),
  edge: z
    .object({
      allowed: z.boolean().describe("Whether the TLS edge may obtain a certificate for the domain (the ask endpoint's answer)"),
      refusal: z
        .enum(["not_verified", "suspended", "plan", "over_limit"])
        .nullable()
        .describe(
          "Why not: the domain does not route, the tenant is suspended, the plan has no custom domains, or the plan's limit is used by older domains",
        ),
      lastAskedAt: z.iso.datetime().nullable().describe("When the edge last asked for a certificate; null: no visit yet"),
      certificate: z
        .object({
          checkedAt: z.iso.datetime(),
          expiresAt: z.iso.datetime().nullable().describe("The expiry of the last certificate seen"),
          problem: z.string().nullable().describe("What the last probe found wrong, or null"),
        })
        .nullable()
        .describe("What the daily probe of the edge saw; null until the edge has asked and been probed"),
    })
    .describe("The domain at the TLS edge"),
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
    summary: "Claim a custom domain, pending until its TXT record is found; other tenants' claims do not change the answer",
    tag: "Domains",
    access: "tenant",
    tenantParam: "id",
    permission: "write:config",
    body: z.object({ hostname: customHostnameSchema }),
    success: { status: 201, schema: domainJsonSchema, description: "The domain and the DNS records to create" },
    errors: ["plan_required", "limit_exceeded", "conflict"],
  }),
  verify: defineRoute({
    method: "POST",
    path: "/tenants/{id}/domains/{domainId}/verify",
    summary: "Check the domain's TXT record now; a verified domain routes to the tenant (first to verify wins)",
    tag: "Domains",
    access: "tenant",
    tenantParam: "id",
    permission: "write:config",
    success: {
      status: 200,
      schema: domainJsonSchema,
      description: "The domain after the check (lastCheckError names why it did not pass)",
    },
    errors: ["plan_required", "conflict"],
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
export function domainIdOf(params: { domainId: string }): string {
  if (!isUuid(params.domainId)) throw notFound("The domain");
  return params.domainId;
}
