import { defineRoute } from "../spec";

// Filled in with the apiKeys routes; see meta.ts for the shape.
export const apiKeysRoutes = {} satisfies Record<string, ReturnType<typeof defineRoute>>;
