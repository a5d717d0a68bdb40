import {
  apiKeyCreateSchema,
  apiKeyListQuerySchema,
  apiKeyRotateSchema,
  apiKeySchema,
  apiKeyWithSecretSchema,
} from "@/lib/api-keys/schemas";
import { pageSchema } from "@/lib/api/pagination";
import { defineRoute } from "../spec";

const base = { tag: "API keys", access: "tenant", tenantParam: "id" } as const;

export const apiKeysRoutes = {
  listApiKeys: defineRoute({
    ...base,
    method: "GET",
    path: "/tenants/{id}/api-keys",
    summary:
      "The tenant's API keys, newest first, optionally by status: one entry per rotation chain (with its previous secret while that still works); never their secrets",
    permission: "read:keys",
    query: apiKeyListQuerySchema,
    success: { status: 200, schema: pageSchema(apiKeySchema), description: "One page of keys" },
  }),
  createApiKey: defineRoute({
    ...base,
    method: "POST",
    path: "/tenants/{id}/api-keys",
    summary:
      "Create a key with some of the creator's permissions; its secret is in this response only. A rotation chain counts once toward the plan's limit",
    permission: "write:keys",
    body: apiKeyCreateSchema,
    success: { status: 201, schema: apiKeyWithSecretSchema, description: "The key, with its secret shown once" },
    errors: ["insufficient_permissions", "limit_exceeded", "validation_failed"],
  }),
  revokeApiKey: defineRoute({
    ...base,
    method: "DELETE",
    path: "/tenants/{id}/api-keys/{keyId}",
    summary: "Revoke a key and every key of its rotation chain at once, on every instance (revoking a revoked key succeeds too)",
    permission: "write:keys",
    success: { status: 204, description: "Revoked" },
    errors: ["not_found"],
  }),
  rotateApiKey: defineRoute({
    ...base,
    method: "POST",
    path: "/tenants/{id}/api-keys/{keyId}/rotate",
    summary:
      "Replace a chain's newest key with a new secret; the old one keeps working for the grace period (0 ends it at once), an earlier one stops now",
    permission: "write:keys",
    body: apiKeyRotateSchema,
    success: { status: 201, schema: apiKeyWithSecretSchema, description: "The new key, with its secret shown once" },
    errors: ["insufficient_permissions", "not_found", "conflict", "validation_failed"],
  }),
} satisfies Record<string, ReturnType<typeof defineRoute>>;
