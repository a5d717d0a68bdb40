import { describe, expect, it } from "vitest";
import { finishAuthResponse } from "./auth-response";
import { isKnownClient, KNOWN_CLIENT_MAX_AGE_SECONDS, rememberKnownClient } from "./known-client";
import { openPendingLink, PENDING_LINK_MAX_AGE_SECONDS, sealPendingLink } from "./pending-link";
import { perIpLimitWarning } from "./throttle";

const secret = "a-secret-of-at-least-thirty-two-characters";
const jane = { id: "0b9f2c1e-1111-4c3d-8e2f-1a2b3c4d5e6f", sessionVersion: 3 };
const joe = { id: "0b9f2c1e-2222-4c3d-8e2f-1a2b3c4d5e6f", sessionVersion: 0 };

describe("H4 known clients", () => {
  it("H4 recognises the account a browser signed in to before, and no other", () => {
    const cookie = rememberKnownClient(secret, jane, undefined);
    expect(isKnownClient(secret, jane, cookie)).toBe(true);
    expect(isKnownClient(secret, joe, cookie)).toBe(false);
    expect(isKnownClient("another-secret-of-thirty-two-characters", jane, cookie)).toBe(false);
    expect(isKnownClient(secret, jane, undefined)).toBe(false);
  });

  it("H4 forgets the browser when the session version moves on (password change, sign out everywhere) or it is too old", () => {
    const now = Date.now();
    const cookie = rememberKnownClient(secret, jane, undefined, now);
    expect(isKnownClient(secret, { ...jane, sessionVersion: 4 }, cookie, now)).toBe(false);
    expect(isKnownClient(secret, jane, cookie, now + KNOWN_CLIENT_MAX_AGE_SECONDS * 1000)).toBe(false);
  });

  it("H4 cannot be forged or stretched to another account", () => {
    const cookie = rememberKnownClient(secret, jane, undefined);
    const [, version, issuedAt, mac] = cookie.split(".");
    expect(isKnownClient(secret, joe, [joe.id, version, issuedAt, mac].join("."))).toBe(false);
    expect(
      isKnownClient(
        secret,
        jane,
        cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
      ),
    ).toBe(false);
    expect(isKnownClient(secret, jane, "garbage~.~...")).toBe(false);
  });

  it("keeps a few accounts per browser, newest first", () => {
    let cookie: string | undefined;
    const accounts = Array.from({ length: 7 }, (_, i) => ({ id: `user-${i}`, sessionVersion: 0 }));
    for (const account of accounts) cookie = rememberKnownClient(secret, account, cookie);
    expect(accounts.map((a) => isKnownClient(secret, a, cookie))).toEqual([false, false, true, true, true, true, true]);
    cookie = rememberKnownClient(secret, accounts[2]!, cookie);
    expect(cookie.split("~")[0]).toMatch(/^user-2\./);
  });

  it("H4 warns at a production start without a trusted proxy that per-IP limits are off", () => {
    expect(perIpLimitWarning({ NODE_ENV: "production", TRUSTED_PROXY_HOPS: 0 })).toMatch(/per-IP sign-in limits are off/);
    expect(perIpLimitWarning({ NODE_ENV: "production", TRUSTED_PROXY_HOPS: 1 })).toBeNull();
    expect(perIpLimitWarning({ NODE_ENV: "development", TRUSTED_PROXY_HOPS: 0 })).toBeNull();
  });
});

describe("H1 pending single sign-on links", () => {
  const link = { tenantId: null, userId: jane.id, email: "jane@acme.test", issuer: "https://idp.test", subject: "s-1" };

  it("H1 opens only a genuine, unexpired seal", () => {
    const now = Date.now();
    const sealed = sealPendingLink(secret, link, now);
    expect(openPendingLink(secret, sealed, now)).toMatchObject(link);
    expect(openPendingLink(secret, sealed, now + PENDING_LINK_MAX_AGE_SECONDS * 1000)).toBeNull();
    expect(openPendingLink("another-secret-of-thirty-two-characters", sealed, now)).toBeNull();
    const [body, mac] = sealed.split(".");
    const forged = Buffer.from(JSON.stringify({ ...link, userId: joe.id, expires: now + 60_000 })).toString("base64url");
    expect(openPendingLink(secret, `${forged}.${mac}`, now)).toBeNull();
    expect(openPendingLink(secret, `${body}.`, now)).toBeNull();
    expect(openPendingLink(secret, undefined, now)).toBeNull();
  });
});

describe("the auth route's finishing touches", () => {
  const redirect = () => new Response(null, { status: 302, headers: { location: "/sign-in?error=throttled" } });
  const json = () => new Response('{"url":"x"}', { status: 401, headers: { "content-type": "application/json" } });

  it("H4 sets the known-client cookie: httpOnly, Lax, long-lived, Secure and __Host- on HTTPS", () => {
    const response = finishAuthResponse(json(), { knownClient: "v" }, true);
    expect(response.headers.get("set-cookie")).toBe(
      `__Host-livery.known-client=v; Path=/; Max-Age=${KNOWN_CLIENT_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax; Secure`,
    );
    expect(finishAuthResponse(json(), { knownClient: "v" }, false).headers.get("set-cookie")).toMatch(
      /^livery\.known-client=v; .*HttpOnly; SameSite=Lax$/,
    );
  });

  it("H5 answers a refusal for now as 429 or 503 with Retry-After, and leaves redirects alone", async () => {
    const busy = finishAuthResponse(json(), { retryAfter: { status: 503, seconds: 2 } }, false);
    expect([busy.status, busy.headers.get("retry-after"), await busy.text()]).toEqual([503, "2", '{"url":"x"}']);
    const throttled = finishAuthResponse(redirect(), { retryAfter: { status: 429, seconds: 4 } }, false);
    expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([302, "4"]);
  });

  it("H1 sets and clears the pending link cookie", () => {
    expect(finishAuthResponse(redirect(), { pendingLink: "sealed" }, false).headers.get("set-cookie")).toMatch(
      new RegExp(`^livery\\.sso-link=sealed; Path=/; Max-Age=${PENDING_LINK_MAX_AGE_SECONDS}; HttpOnly`),
    );
    expect(finishAuthResponse(json(), { pendingLink: null }, false).headers.get("set-cookie")).toMatch(
      /^livery\.sso-link=; Path=\/; Max-Age=0;/,
    );
  });
});
