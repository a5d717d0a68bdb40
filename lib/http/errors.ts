/**
 * An error a client can act on: a stable code, the HTTP status it maps to, a
 * human message, and optional details (field paths for validation errors).
 * Services throw it; the route wrapper and Server Actions turn it into the
 * JSON envelope `{ error: { code, message, details?, requestId } }`.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
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
export const forbidden = (code: string, message: string) => new ApiError(code, 403, message);
export const unauthenticated = (code: string, message: string) => new ApiError(code, 401, message);
export const validationFailed = (path: (string | number)[], message: string) =>
  new ApiError("validation_failed", 422, `${path.join(".") || "The request"} ${message}.`, [{ path, message }]);
