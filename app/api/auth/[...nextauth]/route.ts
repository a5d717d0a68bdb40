import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { TENANT_ID_HEADER } from "@/lib/tenancy/headers";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request: the environment is validated first, and a
// single sign-on callback needs this request's tenant (set by the middleware
// from the host; clients cannot send the header) to find the account.
const handler: Handler = (request, context) => {
  const options = authOptions({
    tenantId: request.headers.get(TENANT_ID_HEADER),
    ip: clientIp(request.headers.get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS) ?? undefined,
    userAgent: request.headers.get("user-agent") ?? undefined,
  });
  return (NextAuth(options) as Handler)(request, context);
};

export { handler as GET, handler as POST };
