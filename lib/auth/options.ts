import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { TENANT_ID_HEADER } from "@/lib/tenancy/headers";
import { authenticate, signInSchema } from "./sign-in";

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
function secureCookies(): boolean {
  const root = getEnv().ROOT_DOMAIN;
  return root !== "localhost" && !root.endsWith(".localhost");
}

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = req.headers as Headers | undefined;
          const result = await authenticate({
            ...parsed.data,
            // Set by the middleware from the host; clients cannot send it.
            tenantId: header(headers, TENANT_ID_HEADER) ?? null,
            ip: clientIp(header(headers, "x-forwarded-for"), env.TRUSTED_PROXY_HOPS) ?? undefined,
            userAgent: header(headers, "user-agent"),
          });
          if (!result.ok) {
            if (result.reason === "throttled") throw new Error("throttled");
            return null;
          }
          const { id, email, name, role, tenantId, sessionVersion } = result.user;
          return { id, email, name, role, tenantId, sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; tenantId: string | null; sessionVersion: number };
          token.sub = u.id;
          token.role = u.role;
          token.tenantId = u.tenantId;
          token.sv = u.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, claims: { userId: token.sub, role: token.role, tenantId: token.tenantId ?? null, sv: token.sv } };
      },
      // Only same-origin, relative redirects: a callbackUrl cannot send anyone elsewhere.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        return url.startsWith(`${baseUrl}/`) ? url : baseUrl;
      },
    },
  };
}
