import { z } from "zod";
import { PLANS } from "@/lib/tenants/plans";
import { defineRoute } from "../spec";

export const tenantInfoSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  plan: z.enum(PLANS),
  status: z.enum(["ACTIVE", "SUSPENDED"]),
  branding: z.object({
    primaryColor: z.string().optional(),
    accentColor: z.string().optional(),
    logoUrl: z.string().optional(),
    faviconUrl: z.string().optional(),
  }),
  features: z.record(z.string(), z.boolean()),
  limits: z.record(z.string(), z.number()),
});

export const metaRoutes = {
  currentInfo: defineRoute({
    method: "GET",
    path: "/tenants/current/info",
    summary: "The resolved tenant: its public branding, features and plan",
    tag: "Tenants",
    access: "tenant",
    success: { status: 200, schema: tenantInfoSchema, description: "The tenant" },
  }),
  openapi: defineRoute({
    method: "GET",
    path: "/openapi.json",
    summary: "This document: OpenAPI 3.1, generated from the same schemas the API validates with",
    tag: "Meta",
    access: "public",
    success: { status: 200, description: "An OpenAPI 3.1 document" },
  }),
};
