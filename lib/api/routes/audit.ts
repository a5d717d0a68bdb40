import { pageSchema } from "@/lib/api/pagination";
import { auditEntrySchema, auditLogQuerySchema } from "@/lib/audit/schemas";
import { defineRoute } from "../spec";

export const auditRoutes = {
  listAuditLog: defineRoute({
    method: "GET",
    path: "/tenants/{id}/audit-log",
    summary: "The tenant's audit log, newest first, filtered by action (exact, or a prefix ending in `.`), actor type and time",
    tag: "Audit",
    access: "tenant",
    permission: "read:audit",
    tenantParam: "id",
    query: auditLogQuerySchema,
    success: { status: 200, schema: pageSchema(auditEntrySchema), description: "One page of entries" },
  }),
} satisfies Record<string, ReturnType<typeof defineRoute>>;
