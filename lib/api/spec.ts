import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ErrorCode } from "@/lib/http/error-codes";
import type { Access } from "./handler";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type SuccessStatus = 200 | 201 | 204;

/**
 * One REST route, declared once: the wrapper enforces it, the OpenAPI
 * document describes it, and the contract and isolation tests enumerate it.
 * `path` is relative to /api/v1 and uses OpenAPI's `{param}` syntax. Its
 * literal type is kept (defineRoute), so the handler's path parameters, its
 * context and its answer are typed from the spec (lib/api/handler.ts).
 */
export type RouteSpec<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends string = string,
  A extends Access = Access,
  S extends z.ZodType | undefined = z.ZodType | undefined,
  St extends SuccessStatus = SuccessStatus,
> = {
  method: HttpMethod;
  path: P;
  summary: string;
  tag: string;
  access: A;
  permission?: Permission;
  /** The path parameter naming the tenant (UUID or `current`). */
  tenantParam?: string;
  body?: B;
  query?: Q;
  /**
   * The success status and the shape of its JSON (omit for 204); `also`, a
   * second success status with the same shape (200 for an idempotent replay
   * of a 201).
   */
  success: { status: St; schema?: S; description: string; also?: { status: 200; description: string } };
  /** Error codes this route can answer with beyond the ones every route of its kind has (lib/api/openapi.ts). */
  errors?: readonly ErrorCode[];
};

export function defineRoute<
  const P extends string,
  const A extends Access,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  S extends z.ZodType | undefined = undefined,
  const St extends SuccessStatus = SuccessStatus,
>(spec: RouteSpec<B, Q, P, A, S, St>): RouteSpec<B, Q, P, A, S, St> {
  return spec;
}

/** The names of a path template's `{param}`s: "/tenants/{id}/keys/{keyId}" → "id" | "keyId". */
export type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;
