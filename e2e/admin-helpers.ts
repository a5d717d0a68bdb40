import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E_KEYS } from "./fixtures/keys";
import { PORT, rawRequest } from "./hosts";

/** The platform host of the test server, where the dashboard lives. */
export const PLATFORM = `http://localhost:${PORT}`;

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/**
 * The id Next gave a Server Action in this build (from the build folder the
 * server runs, NEXT_DIST_DIR), matched by name and, where names repeat, file.
 */
function serverActionId(exportedName: string, fileHint: string): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(fs.readFileSync(path.resolve(dist, "server/server-reference-manifest.json"), "utf8")) as Manifest;
  const entry = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === exportedName && (action.filename ?? "").includes(fileHint),
  );
  if (!entry) throw new Error(`no Server Action named ${exportedName} in ${fileHint} in this build`);
  return entry[0];
}

/**
 * Calls a dashboard Server Action directly, as a hand-made request would,
 * from the page's current origin with its cookies. Returns the raw response.
 */
export function callAdminAction(
  page: Page,
  pathname: string,
  exportedName: string,
  args: unknown[],
  fileHint = "admin",
): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ({ pathname, id, body }) => {
      const response = await fetch(pathname, {
        method: "POST",
        headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
        body,
      });
      return { status: response.status, body: await response.text() };
    },
    { pathname, id: serverActionId(exportedName, fileHint), body: JSON.stringify(args) },
  );
}

export { captureScreen, expectAccessible } from "./screens";

/** A tenant through the platform REST API (the same service the dashboard uses), for test data and checks. */
export async function platformApi(
  method: string,
  pathname: string,
  body?: unknown,
): Promise<{ status: number; json: any }> /* eslint-disable-line @typescript-eslint/no-explicit-any */ {
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
