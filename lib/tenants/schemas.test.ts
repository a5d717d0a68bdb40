import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, slugSchema } from "./schemas";

describe("slugSchema", () => {
  it.each([
    ["acme", "acme"],
    ["  Globex  ", "globex"],
    ["a1-b2", "a1-b2"],
    ["x".repeat(63), "x".repeat(63)],
    ["123", "123"],
  ])("accepts %j as %j", (input, slug) => {
    expect(slugSchema.parse(input)).toBe(slug);
  });

  it.each([
    ["ab", "at least 3"],
    ["x".repeat(64), "at most 63"],
    ["-acme", "inner hyphens"],
    ["acme-", "inner hyphens"],
    ["ac_me", "inner hyphens"],
    ["acme.co", "inner hyphens"],
    ["ünï", "inner hyphens"],
    ["xn--80ak6aa92e", "punycode"],
    ["www", "reserved"],
    ["API", "reserved"],
    ["status", "reserved"],
  ])("rejects %j (%s)", (input, message) => {
    const result = slugSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("; ")).toContain(message);
  });

  it("reserves the platform's own names", () => {
    for (const name of ["www", "admin", "api", "app", "static", "assets", "mail", "status"])
      expect(RESERVED_SLUGS.has(name)).toBe(true);
  });
});
