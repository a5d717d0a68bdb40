/** A same-site path to go to after signing in; anything else becomes the account page. */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/account"): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return fallback;
  return url;
}
