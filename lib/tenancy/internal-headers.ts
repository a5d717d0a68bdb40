// Headers the app trusts only when the middleware set them. A client that sends
// them must not be able to choose its tenant, so the middleware removes them
// from every request before it reaches the app.
const INTERNAL_HEADER_PREFIXES = ["x-tenant-", "x-livery-"];
const INTERNAL_HEADERS = new Set(["x-middleware-subrequest"]);

export function isInternalHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return INTERNAL_HEADERS.has(lower) || INTERNAL_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** A copy of `headers` without any internal header. */
export function stripInternalHeaders(headers: Headers): Headers {
  const clean = new Headers(headers);
  for (const name of [...clean.keys()]) {
    if (isInternalHeader(name)) clean.delete(name);
  }
  return clean;
}
