import "server-only";
import { KNOWN_CLIENT_MAX_AGE_SECONDS, knownClientCookieName } from "./known-client";
import type { AuthOutcome } from "./options";
import { PENDING_LINK_MAX_AGE_SECONDS, pendingLinkCookieName } from "./pending-link";

function cookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  // httpOnly, host-only (no Domain), Lax: sent on the top-level navigation
  // back from the identity provider, never to scripts or other hosts.
  return [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/**
 * next-auth 4 lets callbacks set no cookies and chooses its own statuses, so
 * the auth route finishes its response here (the wrapping next-auth's
 * maintainers suggest for the App Router): the known-client cookie after a
 * sign-in, the pending single sign-on link, and a refusal for now as 429
 * (backing off) or 503 (hashing queue full) with Retry-After instead of 401.
 * A redirect (a form posted without JavaScript) keeps its status, so the
 * browser still follows it to the sign-in page and its message.
 */
export function finishAuthResponse(response: Response, outcome: AuthOutcome, secure: boolean): Response {
  const { knownClient, pendingLink, retryAfter } = outcome;
  if (!knownClient && pendingLink === undefined && !retryAfter) return response;
  const headers = new Headers(response.headers);
  if (knownClient)
    headers.append("Set-Cookie", cookie(knownClientCookieName(secure), knownClient, KNOWN_CLIENT_MAX_AGE_SECONDS, secure));
  if (pendingLink !== undefined) {
    const maxAge = pendingLink ? PENDING_LINK_MAX_AGE_SECONDS : 0;
    headers.append("Set-Cookie", cookie(pendingLinkCookieName(secure), pendingLink ?? "", maxAge, secure));
  }
  let status = response.status;
  if (retryAfter) {
    headers.set("Retry-After", String(retryAfter.seconds));
    if (!headers.has("location")) status = retryAfter.status;
  }
  return new Response(response.body, { status, headers });
}
