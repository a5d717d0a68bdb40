import { z } from "zod";
import { CONTENT_KINDS, createContentSchema, listContentQuerySchema, updateContentSchema } from "@/lib/content/schemas";
import { defineRoute } from "../spec";

export const contentJsonSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CONTENT_KINDS),
  title: z.string(),
  body: z.string(),
  sizeBytes: z.number().int().describe("UTF-8 bytes of title and body; counts toward the storage limit"),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const contentListSchema = z.object({ data: z.array(contentJsonSchema), nextCursor: z.string().nullable() });

// Kinds other than article need their feature: nft → nft, bond → bonds, fraction → fractionalization.
const KIND_ERRORS = ["feature_disabled", "plan_required"] as const;

export const contentRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/content",
    summary: "The tenant's content, newest first, filtered by kind and title",
    tag: "Content",
    access: "tenant",
    permission: "read:content",
    query: listContentQuerySchema,
    success: { status: 200, schema: contentListSchema, description: "A page of content" },
  }),
  create: defineRoute({
    method: "POST",
    path: "/content",
    summary: "Create a content item (counts toward the item and storage limits)",
    tag: "Content",
    access: "tenant",
    permission: "write:content",
    body: createContentSchema,
    success: { status: 201, schema: contentJsonSchema, description: "The new item" },
    errors: [...KIND_ERRORS, "limit_exceeded"],
  }),
  get: defineRoute({
    method: "GET",
    path: "/content/{id}",
    summary: "One content item",
    tag: "Content",
    access: "tenant",
    permission: "read:content",
    success: { status: 200, schema: contentJsonSchema, description: "The item" },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/content/{id}",
    summary: "Change a content item's kind, title or body",
    tag: "Content",
    access: "tenant",
    permission: "write:content",
    body: updateContentSchema,
    success: { status: 200, schema: contentJsonSchema, description: "The item as changed" },
    errors: [...KIND_ERRORS, "limit_exceeded"],
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/content/{id}",
    summary: "Delete a content item",
    tag: "Content",
    access: "tenant",
    permission: "write:content",
    success: { status: 204, description: "Deleted" },
  }),
};
