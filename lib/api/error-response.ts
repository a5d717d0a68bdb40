import "server-only";
import { ZodError } from "zod";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { ApiError, type ErrorCode } from "@/lib/http/errors";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown; requestId: string } };

/** Field paths and messages a client can map onto its form. */
export function zodDetails(error: ZodError): { path: (string | number)[]; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
  }));
}

const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_CODES.has(error.code)) return true;
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code;
  return code === "ECONNREFUSED" || code === "ECONNRESET" || code === "57P01" || code === "57P03";
}

/** A refusal for now only (429, 503) says when to come back: `details.retryAfterSeconds` becomes Retry-After. */
function retryAfter(error: ApiError): Record<string, string> {
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const temporary = error.status === 429 || error.status === 503;
  return temporary && typeof seconds === "number" && seconds > 0 ? { "Retry-After": String(Math.ceil(seconds)) } : {};
}

/**
 * The one mapper from anything thrown to the error envelope. Client mistakes
 * keep their status; Prisma's not-found and unique violations become 404 and
 * 409; an unreachable database is a 503 with Retry-After; anything else is a
 * 500 that names only the request id (details go to the server log).
 */
export function toErrorResponse(
  error: unknown,
  requestId: string,
): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const envelope = (
    status: number,
    code: ErrorCode,
    message: string,
    details?: unknown,
    headers: Record<string, string> = {},
  ) => ({
    status,
    body: { error: { code, message, ...(details === undefined ? {} : { details }), requestId } },
    headers,
  });
  if (error instanceof ApiError) return envelope(error.status, error.code, error.message, error.details, retryAfter(error));
  if (error instanceof ZodError) {
    return envelope(422, "validation_failed", "The request does not match the schema.", zodDetails(error));
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return envelope(404, "not_found", "The resource was not found.");
    if (error.code === "P2002") {
      const target = (error.meta as { target?: unknown } | undefined)?.target;
      return envelope(409, "conflict", "A resource with these values already exists.", target ? { fields: target } : undefined);
    }
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[api] database unavailable (request ${requestId}):`, (error as Error).message);
    return envelope(503, "service_unavailable", "The database is unavailable; try again shortly.", undefined, {
      "Retry-After": "5",
    });
  }
  console.error(`[api] unexpected error (request ${requestId}):`, error);
  return envelope(500, "internal_error", `Something went wrong on our side. Quote request id ${requestId} when reporting it.`);
}
