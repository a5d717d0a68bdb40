import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/audit/record";
import type { Permission } from "@/lib/auth/permissions";
import type { TenantSnapshot } from "@/lib/tenants/status";
import type { Access } from "./handler";
import type { Principal } from "./principal";
import type { PathParamNames, RouteSpec } from "./spec";
import type { TenantScopeOptions } from "./tenant-scope";

// The types that tie a handler to its route's spec (issue 14), and the
// Reply it may answer with. lib/api/handler.ts enforces them at run time.

type Schema = z.ZodType;

export type RouteOptions<B extends Schema | undefined, Q extends Schema | undefined> = {
  access: Access;
  permission?: Permission;
  body?: B;
  query?: Q;
} & TenantScopeOptions;
// A RouteSpec (lib/api/spec.ts) is a RouteOptions with its documentation.

/** What api() reads of a route: a RouteSpec, or (in tests) just its checks. */
export type ApiOptions = RouteOptions<Schema | undefined, Schema | undefined> &
  Partial<Pick<RouteSpec, "path" | "success" | "method">>;

type Infer<S> = [NonNullable<S>] extends [never] ? undefined : z.output<NonNullable<S> & Schema>;
type PathOf<Spec> = Spec extends { path: infer P extends string } ? P : string;
type ParamsOf<Spec> = string extends PathOf<Spec> ? Record<string, string> : Record<PathParamNames<PathOf<Spec>>, string>;

/** What a handler of `Spec` gets: typed from the spec, so nothing needs `!` or a cast. */
export type Context<Spec extends ApiOptions> = {
  request: NextRequest;
  requestId: string;
  /** The path's parameters, named by its template. */
  params: ParamsOf<Spec>;
  body: Infer<Spec["body"]>;
  query: Infer<Spec["query"]>;
  /** Who called; null only on public routes. */
  principal: Spec["access"] extends "public" ? Principal | null : Principal;
  actor: Actor;
} & (Spec["access"] extends "tenant" ? { /** The tenant the request acts on. */ tenant: TenantSnapshot } : unknown);

/**
 * The values a handler may answer where its success schema describes JSON:
 * a Date where a string is due (JSON.stringify writes its ISO string); and,
 * for an object with an index signature (a record, or `.catchall`), any
 * object, since TypeScript cannot type `{ day: string; [metric]: number }`.
 * The tests parse every answer with the schema itself (tests/helpers/contract.ts).
 */
export type Wire<T> = T extends string
  ? string | Date
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? string extends keyof T
        ? Record<string, unknown>
        : { [K in keyof T]: Wire<T[K]> }
      : T;

/** A handler's answer: the JSON to send and, when not 200, the status. */
export class Reply<T = unknown> {
  constructor(
    readonly data: T,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
  ) {}
}
export const created = <T>(data: T) => new Reply(data, 201);
export const noContent = () => new Reply(null, 204);

/**
 * What a handler of `Spec` may answer: its success schema's JSON (as data,
 * or a Reply carrying it, e.g. created() for 201), or noContent() for 204.
 */
export type Answer<Spec extends ApiOptions> = Spec extends { success: { status: infer St; schema?: infer S } }
  ? St extends 204
    ? Reply<null>
    : [NonNullable<S>] extends [never]
      ? unknown
      : Wire<z.output<NonNullable<S> & Schema>> | Reply<Wire<z.output<NonNullable<S> & Schema>>>
  : unknown;
