import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are read per request so the environment is validated first.
const handler: Handler = (request, context) => (NextAuth(authOptions()) as Handler)(request, context);

export { handler as GET, handler as POST };
