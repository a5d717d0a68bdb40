import { describe, expect, it } from "vitest";
import {
  BRAND_CONTRAST_MINIMUM,
  DARK_FOREGROUND,
  LIGHT_FOREGROUND,
  accessibleForeground,
  contrastRatio,
  derivePalette,
  parseHexColor,
  relativeLuminance,
} from "./contrast";

describe("parseHexColor", () => {
  it.each([
    ["#000000", { r: 0, g: 0, b: 0 }],
    ["#ffffff", { r: 255, g: 255, b: 255 }],
    ["#0f766e", { r: 15, g: 118, b: 110 }],
    ["#F5c518", { r: 245, g: 197, b: 24 }],
    ["#abc", { r: 0xaa, g: 0xbb, b: 0xcc }],
    ["#FFF", { r: 255, g: 255, b: 255 }],
  ])("parses %s", (hex, rgb) => {
    expect(parseHexColor(hex)).toEqual(rgb);
  });

  it.each(["", "#", "000000", "#12", "#1234", "#12345", "#1234567", "#ggg", " #fff", "#fff ", "rgb(0, 0, 0)", "red"])(
    "throws a TypeError for %j",
    (hex) => {
      expect(() => parseHexColor(hex)).toThrow(TypeError);
    },
  );

  it("throws for a value that is not a string at all, as untyped JSON can deliver", () => {
    expect(() => parseHexColor(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe("relativeLuminance", () => {
  it.each([
    ["#000000", 0],
    ["#ffffff", 1],
    ["#808080", 0.2159],
    ["#777777", 0.1845],
    ["#0a0a0a", 0.003035], // below the 0.04045 threshold, so linear
  ])("of %s is %s", (hex, luminance) => {
    expect(relativeLuminance(hex)).toBeCloseTo(luminance, 4);
  });
});

describe("contrastRatio", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#777777", "#ffffff", 4.4781],
    ["#767676", "#ffffff", 4.5422],
    ["#0000ff", "#ffffff", 8.5925],
    ["#ff0000", "#ffffff", 3.9985],
    ["#ff0000", "#000000", 5.252],
    ["#00ff00", "#ffffff", 1.3722],
    ["#f5c518", "#ffffff", 1.6302],
  ])("of %s and %s is %s", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 3);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 3);
  });

  it("treats #rgb as shorthand for #rrggbb and accepts parsed colours", () => {
    expect(contrastRatio("#abc", "#AABBCC")).toBe(1);
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, "#fff")).toBeCloseTo(21, 10);
  });
});

describe("accessibleForeground", () => {
  it.each([
    ["#0f766e", LIGHT_FOREGROUND], // teal
    ["#1d4ed8", LIGHT_FOREGROUND], // blue
    ["#4338ca", LIGHT_FOREGROUND], // indigo
    ["#000000", LIGHT_FOREGROUND],
    ["#f5c518", DARK_FOREGROUND], // yellow
    ["#00ff00", DARK_FOREGROUND],
    ["#ffffff", DARK_FOREGROUND],
    ["#777777", DARK_FOREGROUND], // white manages only 4.48 here
    ["#dd4444", DARK_FOREGROUND], // where #111827 would fail with 4.21
  ])("on %s is %s", (background, foreground) => {
    expect(accessibleForeground(background)).toBe(foreground);
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(BRAND_CONTRAST_MINIMUM);
  });

  it("uses a near-black dark enough that white and it cannot both fall short on any background", () => {
    expect(contrastRatio(LIGHT_FOREGROUND, DARK_FOREGROUND)).toBeGreaterThanOrEqual(BRAND_CONTRAST_MINIMUM ** 2);
  });

  it("reaches AA on a grid of colours across the whole sRGB cube", () => {
    const steps = Array.from({ length: 16 }, (_, i) => i * 17);
    const failures: string[] = [];
    for (const r of steps)
      for (const g of steps)
        for (const b of steps) {
          const ratio = contrastRatio(accessibleForeground({ r, g, b }), { r, g, b });
          if (ratio < BRAND_CONTRAST_MINIMUM) failures.push(`rgb(${r}, ${g}, ${b}): ${ratio.toFixed(2)}`);
        }
    expect(failures).toEqual([]);
  });
});

describe("derivePalette", () => {
  it.each([
    ["#0f766e", "#b45309"],
    ["#1d4ed8", "#be185d"],
    ["#4338ca", "#0e7490"],
  ])("accepts the demo palette %s / %s", (primaryColor, accentColor) => {
    expect(derivePalette({ primaryColor, accentColor })).toEqual({
      ok: true,
      palette: {
        primary: primaryColor,
        primaryForeground: LIGHT_FOREGROUND,
        accent: accentColor,
        accentForeground: LIGHT_FOREGROUND,
      },
    });
  });

  it("accepts a light primary, which simply gets dark text", () => {
    const result = derivePalette({ primaryColor: "#f5c518", accentColor: "#0f766e" });
    expect(result).toMatchObject({ ok: true, palette: { primaryForeground: DARK_FOREGROUND } });
  });

  it("normalises colours to lower-case #rrggbb", () => {
    const result = derivePalette({ primaryColor: "#0F766E", accentColor: "#b53" });
    expect(result).toMatchObject({ ok: true, palette: { primary: "#0f766e", accent: "#bb5533" } });
  });

  it.each([
    ["#f5c518", 1.63, "2.87"],
    ["#777777", 4.47, "0.03"], // 4.478 is rounded down: a failing ratio must never read as 4.50
  ])("refuses the accent %s, which is too light to use as text on the page", (accentColor, ratio, shortBy) => {
    expect(derivePalette({ primaryColor: "#0f766e", accentColor })).toEqual({
      ok: false,
      problems: [
        {
          pair: "accent on page background",
          foreground: accentColor,
          background: "#ffffff",
          ratio,
          required: 4.5,
          message: `Accent ${accentColor} on the page background #ffffff has contrast ${ratio}:1; AA needs 4.5:1 (short by ${shortBy}).`,
        },
      ],
    });
  });

  it("accepts an accent just at the threshold", () => {
    expect(derivePalette({ primaryColor: "#0f766e", accentColor: "#767676" }).ok).toBe(true);
  });

  it("throws on a malformed colour rather than inventing a palette", () => {
    expect(() => derivePalette({ primaryColor: "teal", accentColor: "#b45309" })).toThrow(TypeError);
  });
});
