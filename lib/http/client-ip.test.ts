import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it.each([
    [null, 1, null],
    ["203.0.113.7", 0, null],
    ["203.0.113.7", 1, "203.0.113.7"],
    ["198.51.100.1, 203.0.113.7", 1, "203.0.113.7"],
    ["spoofed, 198.51.100.1, 203.0.113.7", 2, "198.51.100.1"],
    ["203.0.113.7", 2, null],
    ["2001:db8::1", 1, "2001:db8::1"],
    ["not-an-ip", 1, null],
    [" 203.0.113.7 ,", 1, "203.0.113.7"],
  ])("%j with %i trusted hops → %j", (header, hops, expected) => {
    expect(clientIp(header, hops)).toBe(expected);
  });
});
