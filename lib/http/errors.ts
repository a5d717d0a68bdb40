import { type CodeWithStatus, type ErrorCode, type StatusOf } from "./error-codes";

export type { ErrorCode } from "./error-codes";

/**
 * An error a client can act on: a code from the catalogue (error-codes.ts)
 * with the status the catalogue gives it, a human message, and optional
 * details (field paths for validation errors). Services throw it; the route
 * wrapper and Server Actions turn it into the JSON envelope
 * `{ error: { code, message, details?, requestId } }`. A code that is not in
 * the catalogue, or a status that is not its own, does not compile.
 */
export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly status: StatusOf<C>,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFound = (what: string) => new ApiError("not_found", 404, `${what} was not found.`);
export const conflict = (message: string, details?: unknown) => new ApiError("conflict", 409, message, details);
export const planRequired = (message: string) => new ApiError("plan_required", 403, message);
export const forbidden = (code: CodeWithStatus<403>, message: string) => new ApiError(code, 403, message);
export const unauthenticated = (code: CodeWithStatus<401>, message: string) => new ApiError(code, 401, message);
export const validationFailed = (path: (string | number)[], message: string) =>
  new ApiError("validation_failed", 422, `${path.join(".") || "The request"} ${message}.`, [{ path, message }]);
