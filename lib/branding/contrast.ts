/** An sRGB colour with 0–255 channels. */
export type Rgb = { r: number; g: number; b: number };

/** What the contrast helpers accept: `#rgb`, `#rrggbb` (any case) or an already parsed colour. */
export type ColorInput = string | Rgb;

/** WCAG 2.x AA for normal-size text: brand colours carry body text and links, so the 3:1 for large text is not enough. */
export const BRAND_CONTRAST_MINIMUM = 4.5;

export const LIGHT_FOREGROUND = "#ffffff";

/**
 * Text colour for light brand colours. It must have at least 4.5² = 20.25:1 against white: on the background where
 * white and the dark colour tie, both reach only the square root of their contrast with each other. Tailwind's
 * #111827 (17.74:1) leaves mid-tones such as #dd4444 where neither passes (4.21:1); this keeps a cool tint and 20.4:1.
 */
export const DARK_FOREGROUND = "#030509";

export type Foreground = typeof LIGHT_FOREGROUND | typeof DARK_FOREGROUND;

/** The portal's light page surface, on which the accent is used as link and text colour. */
export const PAGE_BACKGROUND = "#ffffff";

const HEX_COLOR = /^#(?:[0-9a-f]{3}){1,2}$/i;

export function parseHexColor(hex: string): Rgb {
  if (typeof hex !== "string" || !HEX_COLOR.test(hex)) {
    throw new TypeError(`Expected a colour like #1a2b3c or #abc, got ${JSON.stringify(hex)}`);
  }
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join("") : hex.slice(1);
  const channel = (start: number) => Number.parseInt(digits.slice(start, start + 2), 16);
  return { r: channel(0), g: channel(2), b: channel(4) };
}

function toRgb(color: ColorInput): Rgb {
  return typeof color === "string" ? parseHexColor(color) : color;
}

/** Lower-case `#rrggbb`, so `#ABC` and `#aabbcc` produce the same CSS and the same messages. */
function toHex(color: ColorInput): string {
  const { r, g, b } = toRgb(color);
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

function linearise(channel: number): number {
  const c = channel / 255;
  // The sRGB threshold; WCAG 2.0's 0.03928 is a known typo and no 8-bit value falls between the two.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(color: ColorInput): number {
  const { r, g, b } = toRgb(color);
  return 0.2126 * linearise(r) + 0.7152 * linearise(g) + 0.0722 * linearise(b);
}

/** WCAG contrast ratio, from 1 (identical) to 21 (black on white); the order of the arguments does not matter. */
export function contrastRatio(a: ColorInput, b: ColorInput): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** White or near-black, whichever reads better on `background`; always at least 4.5:1 (see DARK_FOREGROUND). */
export function accessibleForeground(background: ColorInput): Foreground {
  return contrastRatio(LIGHT_FOREGROUND, background) >= contrastRatio(DARK_FOREGROUND, background)
    ? LIGHT_FOREGROUND
    : DARK_FOREGROUND;
}

export type BrandColors = { primaryColor: string; accentColor: string };

export type BrandPalette = {
  primary: string;
  primaryForeground: Foreground;
  accent: string;
  accentForeground: Foreground;
};

export type ContrastPair = "text on primary" | "text on accent" | "accent on page background";

export type ContrastProblem = {
  pair: ContrastPair;
  foreground: string;
  background: string;
  /** Rounded down to 2 decimals, so a failing ratio is never shown as 4.50. */
  ratio: number;
  required: number;
  message: string;
};

export type PaletteResult = { ok: true; palette: BrandPalette } | { ok: false; problems: ContrastProblem[] };

const DESCRIBE_PAIR = {
  "text on primary": (fg, bg) => `Text ${fg} on the primary colour ${bg}`,
  "text on accent": (fg, bg) => `Text ${fg} on the accent colour ${bg}`,
  "accent on page background": (fg, bg) => `Accent ${fg} on the page background ${bg}`,
} as const satisfies Record<ContrastPair, (foreground: string, background: string) => string>;

function checkPair(pair: ContrastPair, foreground: string, background: string): ContrastProblem | undefined {
  const exact = contrastRatio(foreground, background);
  if (exact >= BRAND_CONTRAST_MINIMUM) return undefined;
  const ratio = Math.floor(exact * 100) / 100;
  const required = BRAND_CONTRAST_MINIMUM;
  const shortBy = (required - ratio).toFixed(2);
  const message = `${DESCRIBE_PAIR[pair](foreground, background)} has contrast ${ratio.toFixed(2)}:1; AA needs ${required}:1 (short by ${shortBy}).`;
  return { pair, foreground, background, ratio, required, message };
}

/**
 * The colours a tenant's theme is built from, or every reason the brand colours cannot meet AA. The two foreground
 * checks cannot fail while DARK_FOREGROUND is dark enough; they stay so a change to it cannot ship unreadable buttons.
 * Throws a TypeError for a malformed colour: callers validate with the branding schema first.
 */
export function derivePalette({ primaryColor, accentColor }: BrandColors): PaletteResult {
  const primary = toHex(primaryColor);
  const accent = toHex(accentColor);
  const palette: BrandPalette = {
    primary,
    primaryForeground: accessibleForeground(primary),
    accent,
    accentForeground: accessibleForeground(accent),
  };
  const problems = [
    checkPair("text on primary", palette.primaryForeground, primary),
    checkPair("text on accent", palette.accentForeground, accent),
    checkPair("accent on page background", accent, PAGE_BACKGROUND),
  ].filter((problem) => problem !== undefined);
  return problems.length === 0 ? { ok: true, palette } : { ok: false, problems };
}
