import { ZodError } from "zod";
import { ApiError, type ErrorCode } from "@/lib/http/errors";

/**
 * What every Server Action answers, success or refusal. On a refusal the form
 * gets a stable code, a sentence to show, the message of each field that was
 * refused (keyed by its dotted path, "branding.accentColor"), and the values
 * it sent, so it can keep what was typed. Passwords and secrets are never
 * echoed.
 */
export type ActionResult<T = undefined> = {
  ok: boolean;
  message: string;
  code?: ErrorCode;
  fieldErrors?: Record<string, string>;
  values?: Record<string, EchoedValue>;
  data?: T;
};

export type EchoedValue = string | number | boolean | null | string[];

/** What a successful action hands back; `ok: false` is a soft refusal decided by the action itself. */
export type ActionOutcome<T> = { ok?: boolean; message: string; data?: T };

const SECRET_FIELD = /password|secret|token|ticket/i;
const MAX_ECHOED_CHARS = 20_000;

/** An action's input as a plain object: FormData fields (repeated names become arrays) or the object itself. */
export function plainInput(input: unknown): Record<string, unknown> | null {
  if (typeof FormData !== "undefined" && input instanceof FormData) {
    const values: Record<string, unknown> = {};
    for (const name of new Set(input.keys())) {
      if (name.startsWith("$ACTION")) continue; // React's own bookkeeping fields
      const all = input.getAll(name).filter((v): v is string => typeof v === "string");
      values[name] = all.length > 1 ? all : (all[0] ?? "");
    }
    return values;
  }
  return input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
}

/** The submitted values a form may show again: plain, short values only, no secrets. */
export function echoValues(input: unknown): Record<string, EchoedValue> | undefined {
  const plain = plainInput(input);
  if (!plain) return undefined;
  const echoed: Record<string, EchoedValue> = {};
  for (const [name, value] of Object.entries(plain)) {
    if (SECRET_FIELD.test(name)) continue;
    if (typeof value === "string") echoed[name] = value.slice(0, MAX_ECHOED_CHARS);
    else if (typeof value === "number" || typeof value === "boolean" || value === null) echoed[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) echoed[name] = value.slice(0, 100);
  }
  return echoed;
}

type Detail = { path: (string | number)[]; message: string };

function fieldErrorsOf(details: Detail[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const d of details) fieldErrors[d.path.join(".")] ??= d.message;
  return fieldErrors;
}

function detailsOf(error: ApiError): Detail[] {
  return Array.isArray(error.details) ? (error.details as Detail[]).filter((d) => Array.isArray(d?.path)) : [];
}

/**
 * A client's mistake as a result (ApiError, ZodError); null for anything
 * else, which the caller reports as an internal error.
 */
export function refusalOf(error: unknown, input: unknown): ActionResult<never> | null {
  if (error instanceof ApiError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      fieldErrors: fieldErrorsOf(detailsOf(error)),
      values: echoValues(input),
    };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      message: issue.message,
    }));
    return {
      ok: false,
      code: "validation_failed",
      message: "Some fields need attention.",
      fieldErrors: fieldErrorsOf(details),
      values: echoValues(input),
    };
  }
  return null;
}
