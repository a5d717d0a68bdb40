import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { TENANT_ID_HEADER } from "@/lib/tenancy/headers";
import { safeRedirectUrl } from "./callback-url";
import { knownClientCookieName, rememberKnownClient } from "./known-client";
import { externalIdentity, OIDC_PROVIDER_ID, oidcOffered, oidcProvider } from "./oidc";
import { openPendingLink, pendingLinkCookieName, sealPendingLink } from "./pending-link";
import { authenticate, type AuthenticatedUser, authenticateExternal, signInSchema } from "./sign-in";
import { readCookie } from "./signing";

// next-auth takes its origin from the request's (X-Forwarded-)Host when
// AUTH_TRUST_HOST is set and NEXTAUTH_URL is not: every tenant host is its own
// origin. The middleware overwrites X-Forwarded-Host with the validated Host,
// so a client cannot choose it. NEXTAUTH_URL must stay unset.
process.env.AUTH_TRUST_HOST ??= "true";

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers | undefined, name: string) => {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Cookies are host-only (no Domain), so a session never travels to another tenant's host by itself. */
export function secureCookies(): boolean {
  const root = getEnv().ROOT_DOMAIN;
  return root !== "localhost" && !root.endsWith(".localhost");
}

/**
 * What happened in this request that next-auth's own response cannot carry;
 * app/api/auth/[...nextauth]/route.ts adds it (lib/auth/auth-response.ts).
 */
export type AuthOutcome = {
  /** Signed in: the known-client cookie's new value (lib/auth/known-client.ts). */
  knownClient?: string;
  /** Refused for now: 429 (backing off) or 503 (hashing queue full), with Retry-After. */
  retryAfter?: { status: 429 | 503; seconds: number };
  /** A single sign-on waiting for the account's password (sealed), or null once used up. */
  pendingLink?: string | null;
};

/** What the auth route knows about the request; sessions read elsewhere need none of it. */
export type AuthRequestContext = {
  tenantId: string | null;
  ip?: string;
  userAgent?: string;
  /** The request's Cookie header (known-client and pending-link cookies). */
  cookie?: string;
  outcome?: AuthOutcome;
};

export function authOptions(request?: AuthRequestContext): NextAuthOptions {
  const env = getEnv();
  const secure = secureCookies();
  const outcome: AuthOutcome = request ? (request.outcome ??= {}) : {};
  // Single sign-on is offered on the platform host only when allowed (H1).
  const oidc = !request || oidcOffered(env, request) ? oidcProvider(env) : null;
  // Options are built per request, so this holds the account a single sign-on
  // callback matched, from the signIn callback to the jwt callback.
  let external: AuthenticatedUser | undefined;
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    useSecureCookies: secure,
    // Errors (a refused single sign-on) come back to the host's own sign-in page.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = req.headers as Headers | undefined;
          const cookie = request?.cookie ?? header(headers, "cookie");
          const pendingLink = openPendingLink(env.NEXTAUTH_SECRET, readCookie(cookie, pendingLinkCookieName(secure)));
          const result = await authenticate({
            ...parsed.data,
            // Set by the middleware from the host; clients cannot send it.
            tenantId: header(headers, TENANT_ID_HEADER) ?? null,
            ip: clientIp(header(headers, "x-forwarded-for"), env.TRUSTED_PROXY_HOPS) ?? undefined,
            userAgent: header(headers, "user-agent"),
            knownClient: readCookie(cookie, knownClientCookieName(secure)),
            pendingLink,
          });
          if (!result.ok) {
            if (result.reason === "invalid") return null;
            outcome.retryAfter = { status: result.reason === "busy" ? 503 : 429, seconds: result.retryAfterSeconds };
            throw new Error(result.reason);
          }
          outcome.knownClient = result.knownClient;
          // Used or not (another account signed in), a pending link ends here.
          if (pendingLink) outcome.pendingLink = null;
          const { id, email, name, role, tenantId, sessionVersion } = result.user;
          return { id, email, name, role, tenantId, sessionVersion };
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!request || !oidcOffered(env, request)) return false;
        const identity = externalIdentity(profile, env);
        if (!identity) return false;
        const { email, ...rest } = identity;
        const result = await authenticateExternal({ ...request, email, identity: rest });
        if (result.ok) {
          external = result.user;
          const known = knownClientCookieName(secure);
          outcome.knownClient = rememberKnownClient(env.NEXTAUTH_SECRET, result.user, readCookie(request.cookie, known));
          return true;
        }
        if (result.reason !== "link_required") return false;
        // No session: the sign-in page asks for the account's password once (H1).
        outcome.pendingLink = sealPendingLink(env.NEXTAUTH_SECRET, result.pending);
        return "/sign-in?sso=link";
      },
      jwt({ token, user, account }) {
        if (user) {
          const u = (account?.provider === OIDC_PROVIDER_ID ? external : user) as unknown as {
            id: string;
            role: string;
            tenantId: string | null;
            sessionVersion: number;
          };
          token.sub = u.id;
          token.role = u.role;
          token.tenantId = u.tenantId;
          token.sv = u.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        const claims = { userId: token.sub, role: token.role, tenantId: token.tenantId ?? null, sv: token.sv };
        // An acting session (lib/admin/acting.ts) keeps its fixed end through every refresh.
        return { ...session, claims: token.actingUntil === undefined ? claims : { ...claims, actingUntil: token.actingUntil } };
      },
      // The same rule as the sign-in page (lib/auth/callback-url.ts): a callbackUrl cannot send anyone elsewhere.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    },
  };
}
