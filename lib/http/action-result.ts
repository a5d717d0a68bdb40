import { ApiError } from "./errors";

export type ActionResult<T = undefined> = { ok: boolean; message: string; fieldErrors?: Record<string, string>; data?: T };

/** Runs a Server Action's work and turns client mistakes into a result the form can show. */
export async function toActionResult<T = undefined>(
  work: () => Promise<{ message: string; data?: T }>,
): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof ApiError) {
      const details = Array.isArray(error.details) ? (error.details as { path: (string | number)[]; message: string }[]) : [];
      const fieldErrors = Object.fromEntries(details.map((d) => [String(d.path[0]), d.message]));
      return { ok: false, message: error.message, fieldErrors };
    }
    throw error;
  }
}
