import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "@/lib/env/schema";

export const OIDC_PROVIDER_ID = "oidc";

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string };

/**
 * The optional single sign-on provider, configured from OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (any standard OpenID Connect
 * provider: discovery, authorization code with PKCE and state). It signs in
 * people who already have an account on the host (lib/auth/sign-in.ts
 * authenticateExternal); it never creates accounts.
 */
export function oidcProvider(env: Env): OAuthConfig<OidcProfile> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  const issuer = env.OIDC_ISSUER.replace(/\/$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME ?? "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null }),
  };
}

/** The button label on sign-in pages, or null when single sign-on is off. */
export function oidcButtonLabel(env: Env): string | null {
  return oidcProvider(env) ? `Sign in with ${env.OIDC_NAME ?? "single sign-on"}` : null;
}

/** Whether the provider vouches for the address: an explicit `email_verified: false` is refused. */
export function verifiedEmail(profile: unknown): string | null {
  const p = profile as OidcProfile | undefined;
  if (!p?.email || p.email_verified === false) return null;
  return p.email.toLowerCase();
}
