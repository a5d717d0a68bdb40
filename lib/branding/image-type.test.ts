import { describe, expect, it } from "vitest";
import { sniffImageType } from "./image-type";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));

describe("sniffImageType", () => {
  it.each([
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png"],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "image/jpeg"],
    ["WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    ["bare SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), "image/svg+xml"],
    [
      "SVG with BOM, declaration, comment and doctype",
      bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg>'),
      "image/svg+xml",
    ],
    ["SVG with script (still an SVG; served inert)", bytes("<svg><script>alert(1)</script></svg>"), "image/svg+xml"],
    ["HTML", bytes("<!doctype html><html><script>alert(1)</script>"), null],
    ["HTML pretending with an svg later", bytes("<html><svg></svg></html>"), null],
    ["GIF", bytes("GIF89a"), null],
    ["RIFF that is not WebP", bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "), null],
    ["PNG signature cut short", bytes([0x89, 0x50, 0x4e, 0x47]), null],
    ["empty", bytes(), null],
    ["text", bytes("hello"), null],
  ])("%s", (_label, input, expected) => {
    expect(sniffImageType(input)).toBe(expected);
  });
});
