// Any origin will do for resolving a relative target: only the path survives.
const PLACEHOLDER_ORIGIN = "http://livery.invalid";

/**
 * The path (with query and fragment) that `value` leads to when a browser
 * resolves it against `origin`, or null when it leads anywhere else. The
 * browser's own URL parser decides, so every trick it would follow (tabs and
 * newlines it strips, backslashes it reads as slashes, `//host`, `user@host`)
 * is judged by where it really goes; the result is normalised and
 * percent-encoded, so it is plain ASCII and safe in a Location header. Never
 * throws.
 */
export function sameOriginPath(value: unknown, origin: string): string | null {
  if (typeof value !== "string" || value === "") return null;
  try {
    const base = new URL(origin);
    const url = new URL(value, base);
    if (url.origin !== base.origin || url.origin === "null") return null;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // The parser keeps "//x" as a path on the same origin, but a browser
    // given that path alone would read it as another host.
    return path.startsWith("//") ? null : path;
  } catch {
    return null;
  }
}

/** A same-origin path to go to after signing in (sign-in page); anything else becomes `fallback`. */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/account"): string {
  const url = Array.isArray(value) ? value[0] : value;
  // Only relative targets: the page does not know its own origin, and links we make are relative.
  return sameOriginPath(url, PLACEHOLDER_ORIGIN) ?? fallback;
}

/** next-auth's `redirect` callback: the same rule, made absolute on next-auth's own origin. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  try {
    const origin = new URL(baseUrl).origin;
    return `${origin}${sameOriginPath(url, origin) ?? "/"}`;
  } catch {
    return "/";
  }
}
