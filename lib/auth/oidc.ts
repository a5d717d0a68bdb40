import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "@/lib/env/schema";

export const OIDC_PROVIDER_ID = "oidc";

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string };

/**
 * The optional single sign-on provider, configured from OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (any standard OpenID Connect
 * provider: discovery, authorization code with PKCE and state). It signs in
 * people who already have an account on the host and have linked this
 * identity to it (lib/auth/sign-in.ts authenticateExternal); it never
 * creates accounts.
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

/**
 * Whether single sign-on is offered on a host: on tenant hosts whenever it is
 * configured; on the platform host only with OIDC_ALLOW_SUPER_ADMINS=true,
 * since there it would vouch for super-admins.
 */
export function oidcOffered(env: Env, host: { tenantId: string | null }): boolean {
  return !!oidcProvider(env) && (host.tenantId !== null || env.OIDC_ALLOW_SUPER_ADMINS);
}

/** The button label on a host's sign-in page, or null when single sign-on is not offered there. */
export function oidcButtonLabel(env: Env, host: { tenantId: string | null }): string | null {
  return oidcOffered(env, host) ? `Sign in with ${env.OIDC_NAME ?? "single sign-on"}` : null;
}

/**
 * Who the provider vouches for: its verified address, issuer and subject.
 * Only an explicit `email_verified: true` counts; a provider that leaves the
 * claim out vouches for nothing (H1).
 */
export function externalIdentity(profile: unknown, env: Env): { email: string; issuer: string; subject: string } | null {
  const p = profile as (OidcProfile & { iss?: unknown }) | undefined;
  const email = verifiedEmail(p);
  if (!email || typeof p?.sub !== "string" || !p.sub || p.sub.length > 255) return null;
  // next-auth checked the ID token's `iss` against the discovered issuer.
  const issuer = typeof p.iss === "string" && p.iss ? p.iss : (env.OIDC_ISSUER ?? "").replace(/\/$/, "");
  return issuer && issuer.length <= 255 ? { email, issuer, subject: p.sub } : null;
}

/** The address the provider has verified, lower-case, or null. */
export function verifiedEmail(profile: unknown): string | null {
  const p = profile as OidcProfile | undefined;
  if (typeof p?.email !== "string" || !p.email || p.email_verified !== true) return null;
  return p.email.toLowerCase();
}
