import { z } from "zod";
import { documentedErrors } from "@/lib/api/openapi";
import { declaredHeaders } from "@/lib/api/response-headers";
import type { RouteSpec } from "@/lib/api/spec";
import { ERROR_CODE_LIST, ERROR_CODES } from "@/lib/http/error-codes";
import { strictDeep } from "./strict-schema";

const errorEnvelope = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODE_LIST),
    message: z.string().min(1),
    details: z.unknown().optional(),
    requestId: z.string().min(1),
  }),
});

/**
 * What is wrong with a REST route's answer, or null. A success with the
 * route's declared status must match its success schema made strict at every
 * depth (strict-schema.ts): a field the schema does not declare is drift. An
 * error is checked by errorContractProblem. Every header the document
 * declares for the answer (lib/api/response-headers.ts) must be there; the
 * rate-limit headers only when the caller says the credential is rate limited
 * (`rateLimited`: a tenant key or a session, not a platform key).
 */
export function contractProblem(
  spec: Pick<RouteSpec, "method" | "path" | "success" | "access">,
  answer: { status: number; body: unknown; headers?: Headers },
  options: { rateLimited?: boolean } = {},
): string | null {
  const { status, body } = answer;
  const where = `${spec.method} ${spec.path} answered ${status}`;
  if (answer.headers) {
    for (const header of declaredHeaders(spec, status)) {
      const wanted = header.always || (options.rateLimited === true && status < 300);
      if (wanted && !answer.headers.has(header.name)) return `${where} without the ${header.name} header its document declares`;
    }
  }
  if (status >= 400) return errorContractProblem(spec, status, body);
  const successStatuses: number[] = [spec.success.status, ...(spec.success.also ? [spec.success.also.status] : [])];
  if (!spec.success.schema || !successStatuses.includes(status)) return null;
  const parsed = strictDeep(spec.success.schema).safeParse(body);
  return parsed.success ? null : `${where} outside its schema: ${z.prettifyError(parsed.error)}`;
}

/**
 * What is wrong with a REST route's error answer, or null: it must be the
 * strict envelope, with a code from the catalogue (lib/http/error-codes.ts)
 * answered with the catalogue's status, and a code the route's OpenAPI
 * operation documents. The API test helper, the isolation matrix and the
 * fuzz suite all apply it, so a test that provokes an undocumented error
 * fails whatever it asserts itself.
 */
export function errorContractProblem(spec: Pick<RouteSpec, "method" | "path">, status: number, body: unknown): string | null {
  if (status < 400) return null;
  const route = spec as RouteSpec;
  const where = `${spec.method} ${spec.path} answered ${status}`;
  const parsed = errorEnvelope.safeParse(body);
  if (!parsed.success) return `${where} outside the error envelope: ${JSON.stringify(body)?.slice(0, 300)}`;
  const { code } = parsed.data.error;
  if (ERROR_CODES[code].status !== status) {
    return `${where} with \`${code}\`, whose status in the catalogue is ${ERROR_CODES[code].status}`;
  }
  if (!documentedErrors(route).includes(code)) return `${where} with \`${code}\`, which its OpenAPI operation does not document`;
  return null;
}
