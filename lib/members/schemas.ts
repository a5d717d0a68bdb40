import { z } from "zod";
import { TENANT_ROLES } from "@/lib/auth/permissions";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const tenantRoleSchema = z.enum(TENANT_ROLES, { error: "must be one of owner, admin, member, viewer" });

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address").max(254)),
  role: tenantRoleSchema,
});

export const acceptSchema = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  password: z.string(),
});
