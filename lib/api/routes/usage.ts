import { defineRoute } from "../spec";

// Filled in with the usage routes; see meta.ts for the shape.
export const usageRoutes = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
