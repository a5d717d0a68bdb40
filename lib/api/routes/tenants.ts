import { defineRoute } from "../spec";

// Filled in with the tenants routes; see meta.ts for the shape.
export const tenantsRoutes = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
