import { describe, expect, it } from "vitest";
import { ipAllowed } from "./ip-allowlist";

describe("ipAllowed", () => {
  it.each([
    ["203.0.113.7", ["203.0.113.0/24"], true],
    ["203.0.114.7", ["203.0.113.0/24"], false],
    ["203.0.113.7", ["203.0.113.7"], true],
    ["::ffff:203.0.113.7", ["203.0.113.0/24"], true],
    ["2001:db8::1", ["2001:db8::/32"], true],
    ["2001:db9::1", ["2001:db8::/32"], false],
    ["2001:db8::1", ["203.0.113.0/24"], false],
    [null, ["0.0.0.0/0"], false],
    ["not-an-ip", ["0.0.0.0/0"], false],
    ["10.0.0.1", [], false],
  ] as const)("%s in %j → %s", (ip, list, expected) => {
    expect(ipAllowed(ip, list)).toBe(expected);
  });
});
