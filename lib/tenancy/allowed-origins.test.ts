import { describe, expect, it } from "vitest";
import { allowedOrigin, frameAncestors, preflightResponse } from "./allowed-origins";

const LIST = ["app.acme.test", "dev.localhost"];

describe("H12: allowed origins from security.allowedDomains", () => {
  it.each([
    ["https://app.acme.test", "https://app.acme.test"],
    ["http://dev.localhost:5173", "http://dev.localhost:5173"],
    ["https://dev.localhost", "https://dev.localhost"],
    // Unlisted and look-alike origins
    ["https://acme.test", null],
    ["https://evil.test", null],
    ["https://app.acme.test.evil.test", null],
    ["https://evilapp.acme.test", null],
    ["https://x.app.acme.test", null],
    ["https://app.acme.tes", null],
    ["http://app.acme.test", null],
    ["https://app.acme.test:8443", null],
    ["https://APP.acme.test", null],
    ["https://app.acme.test/", null],
    ["https://user@app.acme.test", null],
    ["null", null],
    ["", null],
    [null, null],
    ["app.acme.test", null],
  ])("%j → %j", (origin, expected) => {
    expect(allowedOrigin(origin, LIST)).toBe(expected);
  });

  it("allows nothing when the list is empty", () => {
    expect(allowedOrigin("https://app.acme.test", [])).toBeNull();
    expect(frameAncestors([])).toBe("'none'");
  });

  it("lets listed origins frame the pages, http and any port only for localhost names", () => {
    expect(frameAncestors(["app.acme.test"])).toBe("https://app.acme.test");
    expect(frameAncestors(LIST)).toContain("http://dev.localhost:*");
  });

  it("answers preflights with the Allow headers only for an allowed origin, never with credentials", () => {
    const allowed = preflightResponse("https://app.acme.test", "r");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.acme.test");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("Authorization");
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    const refused = preflightResponse(null, "r");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});
