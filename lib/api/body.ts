import "server-only";
import { ApiError, validationFailed } from "@/lib/http/errors";
import { findUnstorableText } from "@/lib/http/text";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON body: 415 unless it is declared as JSON, 413 past 1 MB (by the
 * declared length, and by counting while reading, since a client may lie or
 * stream), 400 for JSON that does not parse. An empty body reads as `{}`.
 */
export async function readJsonBody(request: Request): Promise<{ value: unknown; bytes: number }> {
  const type = request.headers.get("content-type") ?? "";
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return { value: {}, bytes: 0 };
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (bytes === 0) return { value: {}, bytes: 0 };
  if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError("unsupported_media_type", 415, "Send the body as JSON with Content-Type: application/json.");
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError("invalid_json", 400, `The body is not valid JSON: ${(error as Error).message}`);
  }
  const unstorable = findUnstorableText(value);
  if (unstorable) throw validationFailed(unstorable, "contains a NUL character or an unpaired surrogate");
  return { value, bytes };
}

function tooLarge(): ApiError {
  return new ApiError("payload_too_large", 413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
}

/** URLSearchParams as an object; a repeated name becomes an array. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of params) {
    if (findUnstorableText(name) || findUnstorableText(value)) {
      throw validationFailed([name], "contains a NUL character or an unpaired surrogate");
    }
    const existing = out[name];
    out[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
