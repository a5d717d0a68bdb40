import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// Finds every browser entry point in the source by reading it, not by
// importing it: the modules that start with "use server" (Server Actions) and
// every route.ts outside the REST API. The registry test compares this with
// what the entry-point clients registered and with the build's manifest.

export const ROOT = path.join(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "lib", "components"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

/**
 * Route handlers that do not go through an entry-point client, each with the
 * reason. Everything else outside app/api/v1 (which is `api()`'s) must.
 */
export const EXEMPT_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own handler: sign-in, callbacks and CSRF are its job (lib/auth/options.ts)",
  "app/api/health/route.ts": "liveness: no input, no session, no data; must answer even when everything else is down",
  "app/api/ready/route.ts": "readiness: no input, no session; reports only whether the database answers and is migrated",
};

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
}

function hasUseServer(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return (
    !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server"
  );
}

export type ScannedExport = {
  file: string;
  name: string;
  /** The builder the export is made with (`tenantAction`, `tenantRoute`, …), or null when it is not a builder call. */
  builder: string | null;
  /** The spec's `permission`, when it declares one in the source. */
  permission: string | null;
};

function exportsOf(source: ts.SourceFile, file: string): ScannedExport[] {
  const found: ScannedExport[] = [];
  for (const statement of source.statements) {
    // `export { handler as GET }`: named, but not built in place.
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements)
        found.push({ file, name: element.name.text, builder: null, permission: null });
      continue;
    }
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      found.push({ file, name: statement.name.text, builder: null, permission: null });
    }
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      const init = declaration.initializer;
      const call = init && ts.isCallExpression(init) ? init : null;
      const builder = call && ts.isIdentifier(call.expression) ? call.expression.text : null;
      const spec = call?.arguments[0];
      let permission: string | null = null;
      if (spec && ts.isObjectLiteralExpression(spec)) {
        for (const property of spec.properties) {
          if (
            ts.isPropertyAssignment(property) &&
            property.name.getText(source) === "permission" &&
            ts.isStringLiteral(property.initializer)
          ) {
            permission = property.initializer.text;
          }
        }
      }
      found.push({ file, name: declaration.name.text, builder, permission });
    }
  }
  return found;
}

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** Every export of every "use server" module: each one is a Server Action Next will serve. */
export function scanServerActions(): ScannedExport[] {
  return SOURCE_DIRS.flatMap((dir) => walk(dir))
    .map((file) => [file, parse(file)] as const)
    .filter(([, source]) => hasUseServer(source))
    .flatMap(([file, source]) => exportsOf(source, file));
}

/** Every HTTP-method export of every route handler outside the REST API. */
export function scanRouteHandlers(): ScannedExport[] {
  return walk("app")
    .filter((file) => /(^|\/)route\.ts$/.test(file) && !file.startsWith("app/api/v1/"))
    .flatMap((file) => exportsOf(parse(file), file).filter((e) => HTTP_METHODS.has(e.name)));
}
