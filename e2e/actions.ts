import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/**
 * The id Next gave a Server Action in this build (from the build folder the
 * server runs, NEXT_DIST_DIR), matched by name and, where names repeat, by a
 * part of its file's path.
 */
export function serverActionId(exportedName: string, fileHint = ""): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.resolve(process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === exportedName && (action.filename ?? "").includes(fileHint),
  );
  if (!entry) throw new Error(`no Server Action named ${exportedName}${fileHint ? ` in ${fileHint}` : ""} in this build`);
  return entry[0];
}

/**
 * Calls a Server Action the way a hand-made request would, bypassing the UI:
 * from the page's current origin (which must be the target's), with its
 * cookies, arguments encoded as React encodes plain JSON. Returns the body.
 */
export function callServerAction(
  page: Page,
  pathname: string,
  exportedName: string,
  args: unknown[],
  fileHint = "",
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
