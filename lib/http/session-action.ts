import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Actor } from "@/lib/audit/record";
import { auditLabelOf } from "@/lib/auth/member";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import type { ActionResult } from "./action-result";
import { clientIp } from "./client-ip";
import { ApiError } from "./errors";

export type ActionContext = { user: SessionUser; tenantId: string; actor: Actor };

const SIGNED_OUT = { ok: false, message: "Your session has ended. Sign in again." } as const;

/** The address the request came from, as the REST API would see it (null when no proxy is trusted). */
export async function requestIp(): Promise<string | null> {
  return clientIp((await headers()).get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS);
}

/**
 * A settings Server Action's frame: a Server Action is a public endpoint, so
 * each re-checks the session for this host and the permission itself, then
 * runs the same service the REST API runs, as a USER actor with the address
 * and agent the audit log records. Client mistakes (ApiError) come back as a
 * result with field errors keyed by their dotted path ("branding.accentColor").
 */
export async function asTenantUser<T = undefined>(
  permission: Permission,
  work: (context: ActionContext) => Promise<{ message: string; data?: T }>,
): Promise<ActionResult<T>> {
  const user = await getSessionUser();
  if (!user?.tenantId) return SIGNED_OUT;
  if (!can(user.role, permission)) {
    return { ok: false, message: `Your role cannot do this (it needs the ${permission} permission).` };
  }
  const h = await headers();
  const actor: Actor = {
    type: "USER",
    id: user.id,
    label: auditLabelOf(user),
    ip: await requestIp(),
    userAgent: h.get("user-agent"),
  };
  try {
    return { ok: true, ...(await work({ user, tenantId: user.tenantId, actor })) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const details = Array.isArray(error.details) ? (error.details as { path: (string | number)[]; message: string }[]) : [];
    const fieldErrors: Record<string, string> = {};
    for (const d of details) fieldErrors[d.path.join(".")] ??= d.message;
    return { ok: false, message: error.message, fieldErrors };
  }
}

/** Parses an action's input with the API's own schema; a bad value becomes a 422 with its field paths. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? "" : p)),
    message: issue.message,
  }));
  throw new ApiError("validation_failed", 422, "Some fields need attention.", details);
}
