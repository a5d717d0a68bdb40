// What an uploaded logo or favicon really is, from its bytes: the declared
// Content-Type and the file name are the uploader's claims, not facts.

export const BRAND_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/svg+xml"] as const;
export type BrandImageType = (typeof BRAND_IMAGE_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffImageType(bytes: Uint8Array): BrandImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (looksLikeSvg(bytes)) return "image/svg+xml";
  return null;
}

/**
 * An SVG document: optional BOM, XML declaration, comments and doctype, then
 * an <svg> root. Such files may carry script; they are stored as they are and
 * served so that nothing in them can run (see the brand-assets route).
 */
function looksLikeSvg(bytes: Uint8Array): boolean {
  let text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "");
  for (;;) {
    const trimmed = text.replace(/^\s+/, "");
    const next = trimmed
      .replace(/^<\?xml[\s\S]*?\?>/, "")
      .replace(/^<!--[\s\S]*?-->/, "")
      .replace(/^<!DOCTYPE[^>]*>/i, "");
    if (next === trimmed) return /^<svg[\s>]/i.test(trimmed);
    text = next;
  }
}
