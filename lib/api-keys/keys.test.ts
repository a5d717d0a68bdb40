import { describe, expect, it } from "vitest";
import { displayPrefix, generateApiKeySecret, hashApiKey, isApiKeyFormat } from "./keys";

describe("API key secrets", () => {
  it("have the lv_ / lvp_ prefix and 40 base62 characters", () => {
    expect(generateApiKeySecret()).toMatch(/^lv_[0-9A-Za-z]{40}$/);
    expect(generateApiKeySecret("platform")).toMatch(/^lvp_[0-9A-Za-z]{40}$/);
  });

  it("are unique and use the whole alphabet", () => {
    const secrets = Array.from({ length: 500 }, () => generateApiKeySecret());
    expect(new Set(secrets).size).toBe(secrets.length);
    const alphabet = new Set(secrets.map((s) => s.slice(3)).join(""));
    expect(alphabet.size).toBe(62);
  });

  it("are recognised by format", () => {
    expect(isApiKeyFormat(generateApiKeySecret())).toBe(true);
    expect(isApiKeyFormat(generateApiKeySecret("platform"))).toBe(true);
    for (const bad of ["", "lv_", "lv_short", `sk_${"a".repeat(40)}`, `lv_${"a".repeat(39)}!`])
      expect(isApiKeyFormat(bad)).toBe(false);
  });

  it("hash to SHA-256 hex and show a short prefix", () => {
    // Known vector: printf lv_example | sha256sum
    expect(hashApiKey("lv_example")).toBe("3d4d4b2a1f9d32cd3f3615e1f4f0aa7568085fdaa2336fec79088cef356a3e78");
    expect(hashApiKey("lv_example")).not.toBe(hashApiKey("lv_examplf"));
    expect(displayPrefix("lv_AbCdEfGhIjKl")).toBe("lv_AbCdEfG");
  });
});
