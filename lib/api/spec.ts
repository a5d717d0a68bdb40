import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ErrorCode } from "@/lib/http/error-codes";
import type { Access } from "./handler";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * One REST route, declared once: the wrapper enforces it, the OpenAPI
 * document describes it, and the contract and isolation tests enumerate it.
 * `path` is relative to /api/v1 and uses OpenAPI's `{param}` syntax.
 */
export type RouteSpec<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  access: Access;
  permission?: Permission;
  /** The path parameter naming the tenant (UUID or `current`). */
  tenantParam?: string;
  body?: B;
  query?: Q;
  /** The success status and the shape of its JSON (omit for 204). */
  success: { status: 200 | 201 | 204; schema?: z.ZodType; description: string };
  /** Error codes this route can answer with beyond the ones every route has. */
  errors?: readonly ErrorCode[];
};

export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<B, Q>,
): RouteSpec<B, Q> {
  return spec;
}
