import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import allowList from "./platform-callers.json";

// withPlatform runs as livery_platform, which sees every tenant. Its callers
// are a short, named list (lib/db/platform-callers.json, also enforced by
// eslint.config.mjs); a new one must be added there with its reason, so a
// reviewer sees it. This scans the source itself, so it holds even where
// the lint rule is switched off with a comment.

const root = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "components", "lib", "prisma", "scripts", "middleware.ts", "instrumentation.ts"];

/** The few glob forms the exempt list uses: `dir/**`, `**` + `/*.ext`. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) =>
      part === "**/" ? "(?:.*/)?" : part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`);
}

const exempt = Object.keys(allowList.exempt).map(globToRegExp);
const isExempt = (file: string) => exempt.some((pattern) => pattern.test(file));

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return /\.(ts|tsx)$/.test(entry) ? [entry] : [];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((e) => e.name !== "node_modules" && e.name !== "generated" && !e.name.startsWith("."))
    .flatMap((e) => sourceFiles(path.posix.join(entry, e.name)));
}

/** Whether the file refers to withPlatform in code (an import, a call, a property), not in a comment or string. */
export function refersToWithPlatform(file: string, text: string): boolean {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === "withPlatform") found = true;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Reads a file, or undefined when it vanished mid-scan (someone's editor or a concurrent run). */
function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(root, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

let scanned: string[] | undefined;
function callers(): string[] {
  scanned ??= SCANNED.flatMap(sourceFiles)
    .filter((file) => !isExempt(file))
    .filter((file) => {
      const text = readIfPresent(file);
      // Parsing is the slow part: only files that mention the name at all.
      return text !== undefined && text.includes("withPlatform") && refersToWithPlatform(file, text);
    })
    .sort();
  return scanned;
}

// Walking the source tree can take seconds on a busy machine.
describe("withPlatform callers", { timeout: 30_000 }, () => {
  it("are all on the allow-list in lib/db/platform-callers.json", () => {
    const listed = new Set(Object.keys(allowList.callers));
    const unlisted = callers().filter((file) => !listed.has(file));
    expect(
      unlisted,
      `add these to lib/db/platform-callers.json with a reason, or use withTenant: ${unlisted.join(", ")}`,
    ).toEqual([]);
  });

  it("has no entry for a module that no longer calls it", () => {
    const found = new Set(callers());
    const stale = Object.keys(allowList.callers).filter((file) => !found.has(file));
    expect(stale, `remove these from lib/db/platform-callers.json: ${stale.join(", ")}`).toEqual([]);
  });

  it("finds code references and ignores comments and strings", () => {
    expect(refersToWithPlatform("a.ts", `import { withPlatform } from "@/lib/db/platform";`)).toBe(true);
    expect(refersToWithPlatform("a.ts", `import * as db from "@/lib/db/platform"; db.withPlatform(f);`)).toBe(true);
    expect(refersToWithPlatform("a.ts", `// withPlatform(f)\nconst s = "withPlatform";`)).toBe(false);
  });

  it("matches the exempt globs as ESLint does for these forms", () => {
    expect(isExempt("lib/db/platform.ts")).toBe(true);
    expect(isExempt("lib/admin/overview.test.ts")).toBe(true);
    expect(isExempt("lib/admin/overview.ts")).toBe(false);
    expect(isExempt("app/(site)/page.tsx")).toBe(false);
  });
});
