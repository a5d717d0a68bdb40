import { defineRoute } from "../spec";

// Filled in with the content routes; see meta.ts for the shape.
export const contentRoutes = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
