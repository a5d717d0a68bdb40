import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./scan";

// The Server Actions a production build serves, from its
// server/server-reference-manifest.json (NEXT_DIST_DIR, default .next).

type Manifest = { node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }> };

export type BuiltAction = { id: string; file: string; name: string };

export function manifestPath(): string {
  return path.resolve(ROOT, process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json");
}

/** Every Server Action of the build, or null when there is no build. */
export function builtActions(): BuiltAction[] | null {
  if (!fs.existsSync(manifestPath())) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestPath(), "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, action]) => ({
    id,
    file: (action.filename ?? "").replace(/^\.\//, ""),
    name: action.exportedName ?? "",
  }));
}

/**
 * The pages each Server Action is served from, by action id, as route
 * templates (`/admin/tenants/[id]`): an action is posted to a page that holds
 * it, as the browser does (posted elsewhere, Next forwards it to such a page
 * with a second request of its own).
 */
export function actionPages(): Map<string, string[]> {
  if (!fs.existsSync(manifestPath())) return new Map();
  const manifest = JSON.parse(fs.readFileSync(manifestPath(), "utf8")) as Manifest;
  return new Map(
    Object.entries(manifest.node).map(([id, action]) => [
      id,
      Object.keys(action.workers ?? {}).map(
        (worker) =>
          worker
            .replace(/^app/, "")
            .replace(/\/\([^)]*\)/g, "")
            .replace(/\/page$/, "") || "/",
      ),
    ]),
  );
}
