import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env/schema";
import { externalIdentity, oidcButtonLabel, oidcOffered, oidcProvider, verifiedEmail } from "./oidc";

const env = (extra: Partial<Env>) => ({ OIDC_ALLOW_SUPER_ADMINS: false, ...extra }) as Env;
const configured = {
  OIDC_ISSUER: "https://login.example.com/",
  OIDC_CLIENT_ID: "id",
  OIDC_CLIENT_SECRET: "s",
  OIDC_NAME: "Okta",
};
const tenantHost = { tenantId: "7d3c1f1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f" };
const platformHost = { tenantId: null };

describe("single sign-on provider", () => {
  it("is off unless configured", () => {
    expect(oidcProvider(env({}))).toBeNull();
    expect(oidcButtonLabel(env({}), tenantHost)).toBeNull();
  });

  it("uses discovery, PKCE and state, and the configured name", () => {
    expect(oidcProvider(env(configured))).toMatchObject({
      id: "oidc",
      name: "Okta",
      wellKnown: "https://login.example.com/.well-known/openid-configuration",
      checks: ["pkce", "state"],
      idToken: true,
    });
  });

  it("H1 is offered on tenant hosts, and on the platform host only with OIDC_ALLOW_SUPER_ADMINS=true", () => {
    expect(oidcButtonLabel(env(configured), tenantHost)).toBe("Sign in with Okta");
    expect(oidcOffered(env(configured), platformHost)).toBe(false);
    expect(oidcButtonLabel(env(configured), platformHost)).toBeNull();
    expect(oidcButtonLabel(env({ ...configured, OIDC_ALLOW_SUPER_ADMINS: true }), platformHost)).toBe("Sign in with Okta");
  });

  it.each([
    [{ email: "Ann@Example.com", email_verified: true }, "ann@example.com"],
    [{ email: "ann@example.com" }, null], // a provider that leaves the claim out vouches for nothing (H1)
    [{ email: "ann@example.com", email_verified: "true" }, null],
    [{ email: "ann@example.com", email_verified: false }, null],
    [{ sub: "x" }, null],
    [undefined, null],
  ])("H1 vouches for %j → %s", (profile, expected) => {
    expect(verifiedEmail(profile)).toBe(expected);
  });

  it("H1 identifies a person by the token's issuer and subject", () => {
    const profile = { iss: "https://login.example.com", sub: "00u1", email: "Ann@Example.com", email_verified: true };
    expect(externalIdentity(profile, env(configured))).toEqual({
      email: "ann@example.com",
      issuer: "https://login.example.com",
      subject: "00u1",
    });
    expect(externalIdentity({ ...profile, iss: undefined }, env(configured))).toMatchObject({
      issuer: "https://login.example.com",
    });
    expect(externalIdentity({ ...profile, sub: "" }, env(configured))).toBeNull();
    expect(externalIdentity({ ...profile, email_verified: undefined }, env(configured))).toBeNull();
  });
});
