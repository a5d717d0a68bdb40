import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env/schema";
import { oidcButtonLabel, oidcProvider, verifiedEmail } from "./oidc";

const env = (extra: Partial<Env>) => ({ ...extra }) as Env;

describe("single sign-on provider", () => {
  it("is off unless configured", () => {
    expect(oidcProvider(env({}))).toBeNull();
    expect(oidcButtonLabel(env({}))).toBeNull();
  });

  it("uses discovery, PKCE and state, and the configured name", () => {
    const provider = oidcProvider(
      env({ OIDC_ISSUER: "https://login.example.com/", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s", OIDC_NAME: "Okta" }),
    )!;
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Okta",
      wellKnown: "https://login.example.com/.well-known/openid-configuration",
      checks: ["pkce", "state"],
      idToken: true,
    });
  });

  it.each([
    [{ email: "Ann@Example.com", email_verified: true }, "ann@example.com"],
    [{ email: "ann@example.com" }, "ann@example.com"], // providers that do not send the claim
    [{ email: "ann@example.com", email_verified: false }, null],
    [{ sub: "x" }, null],
    [undefined, null],
  ])("vouches for %j → %s", (profile, expected) => {
    expect(verifiedEmail(profile)).toBe(expected);
  });
});
