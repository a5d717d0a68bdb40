import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODE_LIST, errorDocsAnchor } from "./error-codes";
import { errorTableRows, tableRowsIn } from "./error-table";

const apiDoc = fs.readFileSync(path.join(import.meta.dirname, "../../docs/api.md"), "utf8");

describe("docs/api.md's error table", () => {
  it("is the catalogue, row for row (run npm run docs:api after changing lib/http/error-codes.ts)", () => {
    expect(tableRowsIn(apiDoc)).toEqual(errorTableRows());
  });

  it("has the anchor every code's docs link points to", () => {
    for (const code of ERROR_CODE_LIST) {
      const anchor = errorDocsAnchor(code).split("#")[1]!;
      expect(apiDoc, code).toContain(`<a id="${anchor}"></a>`);
    }
  });
});
