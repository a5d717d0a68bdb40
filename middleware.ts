import { type NextRequest, NextResponse } from "next/server";
import { stripInternalHeaders } from "@/lib/tenancy/internal-headers";

// Edge middleware. Today it only guarantees that the app never sees a
// client-sent internal header; host → tenant resolution builds on it.
export function middleware(request: NextRequest) {
  return NextResponse.next({ request: { headers: stripInternalHeaders(request.headers) } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
