// `npm run docs:api`: rewrites docs/api.md's error table from the catalogue
// (lib/http/error-codes.ts), formatted as Prettier would. A unit test fails
// while the table and the catalogue disagree.
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";
import { withErrorTable } from "@/lib/http/error-table";

const file = path.join(import.meta.dirname, "..", "docs/api.md");
const options = (await prettier.resolveConfig(file)) ?? {};
const next = await prettier.format(withErrorTable(fs.readFileSync(file, "utf8")), { ...options, filepath: file });
fs.writeFileSync(file, next);
console.log("docs/api.md: error table written from lib/http/error-codes.ts");
