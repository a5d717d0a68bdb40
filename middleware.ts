import { type NextRequest, NextResponse } from "next/server";

// Headers the app trusts only from this middleware. A client that sends them
// must not be able to choose its tenant, so they are removed from every
// request before it reaches the app. (Host → tenant resolution builds on this.)
const INTERNAL_HEADER_PREFIXES = ["x-tenant-", "x-livery-"];
const INTERNAL_HEADERS = new Set(["x-middleware-subrequest"]);

export function isInternalHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return INTERNAL_HEADERS.has(lower) || INTERNAL_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

export function middleware(request: NextRequest) {
  const headers = new Headers(request.headers);
  for (const name of [...headers.keys()]) {
    if (isInternalHeader(name)) headers.delete(name);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
