import { TENANT_ID_HEADER, TENANT_SLUG_HEADER } from "@/lib/tenancy/headers";

// Stands in for `next/headers` when a test calls Server Actions or route
// handlers directly (`vi.mock("next/headers", () => import("../helpers/fake-next-headers"))`):
// the request the middleware would have passed on, set per call.

let current = new Headers();

export type FakeRequest = {
  /** The tenant the middleware resolved from the host; omitted for the platform host. */
  host?: { id: string; slug: string };
  cookie?: string;
  headers?: Record<string, string>;
};

export function setFakeRequest(request: FakeRequest): void {
  const hostname = request.host ? `${request.host.slug}.localhost:3000` : "localhost:3000";
  current = new Headers({ host: hostname, "x-request-id": crypto.randomUUID(), ...request.headers });
  if (request.host) {
    current.set(TENANT_ID_HEADER, request.host.id);
    current.set(TENANT_SLUG_HEADER, request.host.slug);
  }
  if (request.cookie) current.set("cookie", request.cookie);
}

export async function headers(): Promise<Headers> {
  return current;
}

export async function cookies() {
  const jar = (current.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return { name: part.slice(0, at), value: part.slice(at + 1) };
    });
  return { getAll: () => jar, get: (name: string) => jar.find((c) => c.name === name) };
}
