import { describe, expect, it } from "vitest";
import { ERROR_CODE_LIST, ERROR_CODES, isErrorCode } from "./error-codes";
import { ApiError, forbidden } from "./errors";

describe("the error catalogue", () => {
  it("holds snake_case codes with a client-error or server-error status and a sentence each", () => {
    for (const code of ERROR_CODE_LIST) {
      const { status, description } = ERROR_CODES[code];
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(status >= 400 && status <= 599, code).toBe(true);
      expect(description, code).toMatch(/^[A-Z`].*[.]$/);
    }
    expect(isErrorCode("not_found")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
  });

  it("types ApiError: a code outside the catalogue, or with another status, does not compile", () => {
    // @ts-expect-error: not in the catalogue
    const unknown = new ApiError("no_such_code", 400, "x");
    // @ts-expect-error: not_found is 404
    const wrongStatus = new ApiError("not_found", 400, "x");
    // @ts-expect-error: forbidden() takes 403 codes only
    const notForbidden = forbidden("not_found", "x");
    expect([unknown.status, wrongStatus.status, notForbidden.status]).toEqual([400, 400, 403]);
    expect(new ApiError("conflict", 409, "Taken.")).toMatchObject({ code: "conflict", status: 409, message: "Taken." });
  });
});
