import { defineRoute } from "../spec";

// Filled in with the audit routes; see meta.ts for the shape.
export const auditRoutes = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
