import { defineRoute } from "../spec";

// Filled in with the domains routes; see meta.ts for the shape.
export const domainsRoutes = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
