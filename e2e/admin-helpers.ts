import type { Page } from "@playwright/test";
import { callServerAction } from "./actions";
import { E2E_KEYS } from "./fixtures/keys";
import { PORT, rawRequest } from "./hosts";

/** The platform host of the test server, where the dashboard lives. */
export const PLATFORM = `http://localhost:${PORT}`;

/** Calls a dashboard Server Action directly, as a hand-made request would (e2e/actions.ts). */
export function callAdminAction(
  page: Page,
  pathname: string,
  exportedName: string,
  args: unknown[],
  fileHint = "",
): Promise<{ status: number; body: string }> {
  return callServerAction(page, pathname, exportedName, args, fileHint);
}

export { captureScreen, expectAccessible } from "./screens";

// Response bodies are asserted field by field in the specs, which fail loudly on
// a wrong shape; `any` keeps that terse, as tests/helpers/api.ts does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A tenant through the platform REST API (the same service the dashboard uses), for test data and checks. */
export async function platformApi(method: string, pathname: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await rawRequest(
    method,
    `localhost:${PORT}`,
    `/api/v1${pathname}`,
    { authorization: `Bearer ${E2E_KEYS.platform}`, ...(body ? { "content-type": "application/json" } : {}) },
    body ? JSON.stringify(body) : undefined,
  );
  return { status: res.status, json: res.body ? JSON.parse(res.body) : null };
}

export async function tenantIdOf(slug: string): Promise<string> {
  const { json } = await platformApi("GET", `/tenants?q=${encodeURIComponent(slug)}&limit=100`);
  const tenant = (json.data as { id: string; slug: string }[]).find((t) => t.slug === slug);
  if (!tenant) throw new Error(`no tenant ${slug}`);
  return tenant.id;
}
