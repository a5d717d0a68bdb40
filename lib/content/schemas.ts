import { z } from "zod";
import type { ContentKind } from "@/lib/db/generated/prisma/enums";
import type { Feature } from "@/lib/tenants/plans";
import { pageQuerySchema } from "@/lib/api/pagination";

export const CONTENT_KINDS = ["article", "nft", "bond", "fraction"] as const satisfies readonly ContentKind[];

/** The feature a kind needs; articles need none. */
export const KIND_FEATURE = {
  nft: "nft",
  bond: "bonds",
  fraction: "fractionalization",
} as const satisfies Record<Exclude<ContentKind, "article">, Feature>;

export const contentSchema = z.object({
  kind: z.enum(CONTENT_KINDS),
  title: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  body: z.string().max(100_000, "must be at most 100,000 characters"),
});

export const createContentSchema = contentSchema.extend({
  kind: contentSchema.shape.kind.default("article"),
  body: contentSchema.shape.body.default(""),
});

export const updateContentSchema = contentSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "must change at least one of kind, title, body");

export const listContentQuerySchema = pageQuerySchema.extend({
  kind: z.enum(CONTENT_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
});

export type CreateContentInput = z.output<typeof createContentSchema>;
export type UpdateContentInput = z.output<typeof updateContentSchema>;
export type ListContentQuery = z.output<typeof listContentQuerySchema>;
