import { describe, expect, it } from "vitest";
import { isInternalHeader, stripInternalHeaders } from "./internal-headers";

describe("internal headers", () => {
  it.each([
    ["x-tenant-id", true],
    ["X-Tenant-Slug", true],
    ["x-tenant-anything-new", true],
    ["X-LIVERY-ACTOR", true],
    ["x-middleware-subrequest", true],
    ["x-tenant", false],
    ["x-forwarded-for", false],
    ["authorization", false],
    ["host", false],
  ])("%s is internal: %s", (name, internal) => {
    expect(isInternalHeader(name)).toBe(internal);
  });

  it("removes every internal header and keeps the rest", () => {
    const clean = stripInternalHeaders(
      new Headers({
        "x-tenant-id": "spoofed",
        "X-Tenant-Slug": "globex",
        "x-livery-role": "admin",
        accept: "text/html",
        host: "acme.localhost",
      }),
    );
    expect([...clean.keys()].sort()).toEqual(["accept", "host"]);
  });
});
