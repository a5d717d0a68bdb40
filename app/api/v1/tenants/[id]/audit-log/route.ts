import { api } from "@/lib/api/handler";
import { auditRoutes } from "@/lib/api/routes/audit";
import { listAuditLog } from "@/lib/audit/service";

export const GET = api(auditRoutes.listAuditLog, ({ tenant, query }) => listAuditLog(tenant.id, query));
