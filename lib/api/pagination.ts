import { z } from "zod";
import { isStorableDate } from "@/lib/http/text";

// Cursor pagination for lists ordered newest first (audit log, API keys,
// content). Cursors are opaque to clients: base64url of the last row's
// creation time and id, which breaks ties.

/** Where a page ended: the last row's creation time and id (the tie-breaker). */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: Cursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

const cursorSchema = z.string().transform((value, ctx): Cursor => {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    const createdAt = new Date(typeof at === "string" ? at : NaN);
    if (typeof id === "string" && z.uuid().safeParse(id).success && isStorableDate(createdAt)) {
      return { createdAt, id };
    }
  } catch {
    // Reported below, like any other malformed cursor.
  }
  ctx.addIssue({ code: "custom", message: "is not a cursor this API returned" });
  return z.NEVER;
});

export const pageQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Rows strictly after the cursor in (createdAt desc, id desc) order. */
export function afterCursor(cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

export const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] as const;

/** A page from `limit + 1` rows fetched in NEWEST_FIRST order: the extra row only says there is more. */
export function toPage<R extends Cursor, V>(rows: R[], limit: number, view: (row: R) => V) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export type Page<V> = { data: V[]; nextCursor: string | null };

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/**
 * Prisma passes `contains`/`startsWith` values to LIKE as they are, so `%`
 * and `_` in a search would match anything; escape them to match literally.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}
