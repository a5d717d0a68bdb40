import "server-only";
import type { z } from "zod";
import { toErrorResponse } from "@/lib/api/error-response";
import { validationFailed } from "@/lib/http/errors";
import { findUnstorableText } from "@/lib/http/text";
import {
  type AccountContext,
  admit,
  type EntrySpec,
  type PlatformContext,
  type PublicContext,
  type TenantContext,
} from "./admit";
import { currentCaller } from "./caller";
import { registerEntry } from "./registry";
import { type ActionOutcome, type ActionResult, echoValues, plainInput, refusalOf } from "./result";

/**
 * The one way to build a Server Action. A Server Action is a public endpoint
 * (anyone can POST to it with its id), so every one runs the same frame, in a
 * fixed order: admit (session bound to the host, the tenant's live status,
 * acting rules, permission, rate limit) → zod input → the action's own work
 * with its context (`{ ctx, input }`) → one ActionResult. Client mistakes
 * (ApiError, ZodError) come back as refusals with field errors and the
 * submitted values; anything else is logged and answered with the request id.
 *
 * `form: true` makes the action fit useActionState: `(previous, formData)`.
 * It also takes a plain object in place of the FormData (tests, scripts).
 */
type Schema = z.ZodType;
type Run<C, S extends Schema, T> = (args: { ctx: C; input: z.output<S> }) => Promise<ActionOutcome<T>>;
type InputAction<S extends Schema, T> = (input: z.input<S>) => Promise<ActionResult<T>>;
type FormAction<T> = (previous: unknown, form: FormData) => Promise<ActionResult<T>>;
type Options<S extends Schema> = { input: S; form?: boolean };

type ContextOf<A extends EntrySpec["access"]> = A extends "tenant"
  ? TenantContext
  : A extends "platform"
    ? PlatformContext
    : A extends "account"
      ? AccountContext
      : PublicContext;

function build<S extends Schema, T>(
  spec: EntrySpec & Options<S>,
  run: (args: { ctx: never; input: z.output<S> }) => Promise<ActionOutcome<T>>,
): (...args: unknown[]) => Promise<ActionResult<T>> {
  const action = async (...args: unknown[]): Promise<ActionResult<T>> => {
    // useActionState calls (previous, formData); everything else (input).
    const raw = spec.form ? (args.length > 1 ? args[1] : args[0]) : args[0];
    const caller = await currentCaller();
    try {
      const ctx = await admit(spec as never, caller);
      const plain = spec.form ? plainInput(raw) : raw;
      // PostgreSQL cannot store these in text, and Prisma refuses them: a client's mistake, as in the REST API.
      const unstorable = findUnstorableText(plain);
      if (unstorable) throw validationFailed(unstorable, "contains a NUL character or an unpaired surrogate");
      const input = spec.input.parse(plain);
      const outcome = await run({ ctx: ctx as never, input });
      return { ok: outcome.ok ?? true, message: outcome.message, ...(outcome.data === undefined ? {} : { data: outcome.data }) };
    } catch (error) {
      const refusal = refusalOf(error, raw);
      if (refusal) return refusal;
      // Next's redirect() and notFound() are thrown on purpose: let them through.
      if (isNextControlFlow(error)) throw error;
      // The REST API's one mapper: Prisma's not-found and unique violations,
      // an unreachable database, and anything else (logged, with the request id).
      const { status, body } = toErrorResponse(error, caller.requestId);
      const { code, message } = body.error;
      return { ok: false, code, message, ...(status < 500 ? { values: echoValues(raw) } : {}) };
    }
  };
  registerEntry(action, { kind: "action", ...spec });
  return action;
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

function builder<A extends EntrySpec["access"]>(access: A) {
  function define<S extends Schema, T = undefined>(
    spec: Omit<Extract<EntrySpec, { access: A }>, "access"> & Options<S> & { form: true },
    run: Run<ContextOf<A>, S, T>,
  ): FormAction<T>;
  function define<S extends Schema, T = undefined>(
    spec: Omit<Extract<EntrySpec, { access: A }>, "access"> & Options<S> & { form?: false },
    run: Run<ContextOf<A>, S, T>,
  ): InputAction<S, T>;
  function define<S extends Schema, T>(
    spec: Omit<Extract<EntrySpec, { access: A }>, "access"> & Options<S>,
    run: Run<ContextOf<A>, S, T>,
  ) {
    return build({ ...spec, access } as EntrySpec & Options<S>, run as never);
  }
  return define;
}

/** A tenant user's action on the host's tenant; declares the permission it needs. */
export const tenantAction = builder("tenant");
/** A super-admin's action on the platform host. */
export const platformAction = builder("platform");
/** A signed-in user's action on their own account, on the host they signed in to. */
export const accountAction = builder("account");
/** An action anyone may take on a tenant's host (accepting an invitation). */
export const publicAction = builder("public");
