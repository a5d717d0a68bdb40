import NextAuth from "next-auth";
import { finishAuthResponse } from "@/lib/auth/auth-response";
import { type AuthRequestContext, authOptions, secureCookies } from "@/lib/auth/options";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { TENANT_ID_HEADER } from "@/lib/tenancy/headers";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request: the environment is validated first, and a
// single sign-on callback needs this request's tenant (set by the middleware
// from the host; clients cannot send the header) to find the account. What
// the callbacks decide beyond next-auth's reach (cookies, 429/503) is added to
// its response afterwards.
const handler: Handler = async (request, context) => {
  const auth: AuthRequestContext = {
    tenantId: request.headers.get(TENANT_ID_HEADER),
    ip: clientIp(request.headers.get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS) ?? undefined,
    userAgent: request.headers.get("user-agent") ?? undefined,
    cookie: request.headers.get("cookie") ?? undefined,
    outcome: {},
  };
  const response = await (NextAuth(authOptions(auth)) as Handler)(request, context);
  return finishAuthResponse(response, auth.outcome!, secureCookies());
};

export { handler as GET, handler as POST };
