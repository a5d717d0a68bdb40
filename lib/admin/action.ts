import "server-only";
import type { Actor } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/http/action-result";
import { ApiError } from "@/lib/http/errors";
import { getSuperAdmin, superAdminActor } from "./access";

export type AdminContext = { user: SessionUser; actor: Actor };

export const NOT_ALLOWED = { ok: false, message: "Only a super-admin signed in on the platform host can do this." } as const;

/**
 * Every dashboard Server Action runs through this: a Server Action is a
 * public endpoint, so each re-checks that the caller is a super-admin on the
 * platform host before calling the same service the REST API calls. Client
 * mistakes (ApiError) come back with field errors keyed by dotted path.
 */
export async function asSuperAdmin<T = undefined>(
  work: (context: AdminContext) => Promise<{ message: string; data?: T }>,
): Promise<ActionResult<T>> {
  const user = await getSuperAdmin();
  if (!user) return NOT_ALLOWED;
  const actor = await superAdminActor(user);
  try {
    return { ok: true, ...(await work({ user, actor })) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const details = Array.isArray(error.details) ? (error.details as { path: (string | number)[]; message: string }[]) : [];
    const fieldErrors: Record<string, string> = {};
    for (const d of details) fieldErrors[d.path.join(".")] ??= d.message;
    return { ok: false, message: error.message, fieldErrors };
  }
}

/** Form fields as a plain object for the API's zod schemas: "" for an empty field, absent if it is optional and empty. */
export function formObject(form: unknown, names: readonly string[], optional: readonly string[] = []): Record<string, string> {
  // A hand-made request may send anything in place of the form: it reads as empty fields.
  const get = (name: string) => (form instanceof FormData ? (form.get(name)?.toString() ?? "") : "");
  const entries = names.map((name) => [name, get(name)] as const);
  return Object.fromEntries(entries.filter(([name, value]) => value !== "" || !optional.includes(name)));
}
