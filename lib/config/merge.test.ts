import { describe, expect, it } from "vitest";
import { diffConfig, mergeConfig } from "./merge";

describe("mergeConfig", () => {
  const stored = {
    branding: { primaryColor: "#111111", accentColor: "#222222" },
    security: { ipAllowlist: ["10.0.0.0/8", "192.0.2.1"] },
    features: {},
  };

  it.each([
    [
      "merges objects key by key",
      { branding: { accentColor: "#333333" } },
      { ...stored, branding: { primaryColor: "#111111", accentColor: "#333333" } },
    ],
    ["removes a key set to null", { branding: { primaryColor: null } }, { ...stored, branding: { accentColor: "#222222" } }],
    [
      "replaces arrays whole",
      { security: { ipAllowlist: ["203.0.113.0/24"] } },
      { ...stored, security: { ipAllowlist: ["203.0.113.0/24"] } },
    ],
    ["adds a section that was missing", { payment: { currency: "EUR" } }, { ...stored, payment: { currency: "EUR" } }],
    ["ignores undefined", { branding: { primaryColor: undefined } }, stored],
    ["removing an absent key is a no-op", { features: { nft: null } }, stored],
  ])("%s", (_, patch, expected) => {
    expect(mergeConfig(stored, patch)).toEqual(expected);
  });

  it("does not modify its arguments", () => {
    const before = structuredClone(stored);
    const patch = { branding: { primaryColor: null, logoUrl: "https://x.test/l.png" } };
    mergeConfig(stored, patch);
    expect(stored).toEqual(before);
    expect(patch).toEqual({ branding: { primaryColor: null, logoUrl: "https://x.test/l.png" } });
  });
});

describe("diffConfig", () => {
  it("lists each changed leaf with its dotted path, in a stable order", () => {
    const before = { branding: { primaryColor: "#111111", customCss: "a{}" }, security: { ipAllowlist: ["10.0.0.0/8"] } };
    const after = {
      branding: { primaryColor: "#222222", customCss: "a{}" },
      security: { ipAllowlist: ["10.0.0.0/8", "192.0.2.1"] },
      features: { nft: true },
    };
    expect(diffConfig(before, after)).toEqual([
      { path: "branding.primaryColor", before: "#111111", after: "#222222" },
      { path: "features.nft", before: undefined, after: true },
      { path: "security.ipAllowlist", before: ["10.0.0.0/8"], after: ["10.0.0.0/8", "192.0.2.1"] },
    ]);
  });

  it("reports removals and finds nothing when nothing changed", () => {
    expect(diffConfig({ branding: { logoUrl: "https://x.test/a.png" } }, { branding: {} })).toEqual([
      { path: "branding.logoUrl", before: "https://x.test/a.png", after: undefined },
    ]);
    const same = { branding: { primaryColor: "#111111" }, security: { allowedDomains: ["a.test"] } };
    expect(diffConfig(same, structuredClone(same))).toEqual([]);
  });
});
