import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { authOptions } from "./options";
import { safeCallbackUrl, sameOriginPath } from "./callback-url";

const origin = "http://acme.localhost:3000";
const printableAscii = /^[\x21-\x7e]*$/;

// What a hostile link can put in `?callbackUrl=` (after the query string is
// decoded), and where a browser would end up with each.
const HOSTILE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  " /\t/evil.example",
  "\u0000//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "https://evil.example/",
  "http://acme.localhost:3000.evil.example/",
  "http://acme.localhost:3000@evil.example/",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http://[",
  "/\u0000",
  "/caf\u00e9",
  "/\u2028",
  "/\ud800",
  "/\uff0f\uff0fevil.example",
  "/%09/evil.example",
  "",
];

describe("H2 the address to go to after signing in", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET ??= "x".repeat(32);
    resetEnvCache();
  });

  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))(
    "stays on the origin and is plain ASCII for %s (sign-in page)",
    (_label, value) => {
      const target = safeCallbackUrl(value);
      expect(target).toMatch(printableAscii);
      expect(target.startsWith("/")).toBe(true);
      expect(new URL(target, origin).origin).toBe(origin);
    },
  );

  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))(
    "stays on the origin and is plain ASCII for %s (next-auth's redirect callback)",
    async (_label, value) => {
      const target = await authOptions().callbacks!.redirect!({ url: value, baseUrl: origin });
      expect(target).toMatch(printableAscii);
      expect(new URL(target).origin).toBe(origin);
    },
  );

  it.each([
    ["/account", "/account"],
    ["/settings/branding?tab=colours#logo", "/settings/branding?tab=colours#logo"],
    ["/a/../members", "/members"],
    [`${origin}/members?x=1`, "/members?x=1"],
    ["/caf\u00e9", "/caf%C3%A9"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps the same-origin target %j as %j", (value, expected) => {
    expect(sameOriginPath(value, origin)).toBe(expected);
  });

  it.each(HOSTILE.filter((v) => !["/\u0000", "/caf\u00e9", "/\u2028", "/\ud800", "/%09/evil.example"].includes(v)))(
    "refuses %j outright",
    (value) => {
      const path = sameOriginPath(value, origin);
      expect(path === null || path === "/" || !path.startsWith("//")).toBe(true);
      if (path !== null) expect(new URL(path, origin).origin).toBe(origin);
    },
  );

  it("takes the first of repeated parameters and falls back when there is none", () => {
    expect(safeCallbackUrl(["//evil.example", "/account"])).toBe("/account");
    expect(safeCallbackUrl(["/members", "//evil.example"])).toBe("/members");
    expect(safeCallbackUrl(undefined)).toBe("/account");
    expect(safeCallbackUrl("https://evil.example/", "/")).toBe("/");
  });

  it("never throws, whatever the origin", () => {
    expect(sameOriginPath("/account", "not an origin")).toBeNull();
    expect(sameOriginPath(42, origin)).toBeNull();
  });
});
