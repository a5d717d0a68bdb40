import { defineRoute } from "../spec";

// Filled in with the config routes; see meta.ts for the shape.
export const configRoutes = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
