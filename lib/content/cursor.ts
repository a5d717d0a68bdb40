import { validationFailed } from "@/lib/http/errors";

/** Where a page ended in newest-first order: the last row's creation time and id (the tie-breaker). */
export type ContentCursor = { createdAt: Date; id: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(row: ContentCursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

/** Opaque to clients: anything that does not decode to what encodeCursor made is a 422 on `cursor`. */
export function decodeCursor(cursor: string): ContentCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      const createdAt = new Date(typeof at === "string" ? at : Number.NaN);
      if (!Number.isNaN(createdAt.getTime()) && typeof id === "string" && uuidPattern.test(id)) return { createdAt, id };
    }
  } catch {
    // Falls through to the same answer as a well-formed but wrong value.
  }
  throw validationFailed(["cursor"], "is not a cursor this API returned");
}

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
