/**
 * Reads one piece of tenant CSS (a declaration value, an at-rule prelude or a selector) the way a browser's
 * tokenizer does: escapes decoded, comments dropped, `url(` recognised however it is spelled. The checks run on
 * those decoded tokens, and the text that comes back is written from them with every string and URL in one
 * quoted, escaped form, so the browser reads exactly what was checked, not what a clever spelling makes of it.
 */

export const URL_RULE = "url() must be https: or a data: PNG/JPEG/WebP image";

export type CheckedCss = { ok: true; text: string } | { ok: false; reason: string };

type Token =
  | { kind: "space" }
  | { kind: "text"; raw: string; decoded: string }
  | { kind: "function"; name: string; inUrl: boolean }
  | { kind: "url" | "string"; value: string; bad: boolean; inUrl: boolean; parent: string | undefined };

// Checked on the decoded text with comments, whitespace and invisible characters removed and look-alike
// (e.g. fullwidth) letters folded, which also covers old IE, which ignored comments inside `expression(`.
const FORBIDDEN_TEXT = [
  ["expression(", "expression() is not allowed"],
  ["javascript:", "javascript: URLs are not allowed"],
  ["vbscript:", "vbscript: URLs are not allowed"],
  ["@import", "@import is not allowed"],
  ["-moz-binding", "-moz-binding is not allowed"],
] as const;

/** Functions whose strings are URLs; `type("image/avif")` inside `image-set()` is the one exception. */
const URL_FUNCTIONS = new Set(["url", "src", "image", "image-set", "-webkit-image-set", "cross-fade", "-webkit-cross-fade"]);
/** These could put an unchecked string inside a URL function when the page renders. */
const SUBSTITUTIONS = new Set(["var", "env", "attr", "inherit"]);
const FUNCTION_NAME = /^-?[a-z_][a-z0-9_-]*$/i;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|webp);base64,[a-z0-9+/]*={0,2}$/i;
const STRUCTURAL = new Set(["{", "}", ";"]);

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n";
const isNameStart = (c: string | undefined) => c !== undefined && (/[a-zA-Z_]/.test(c) || c >= "\u0080");
const isNameChar = (c: string | undefined) => isNameStart(c) || (c !== undefined && /[0-9-]/.test(c));
const isEscape = (s: string, i: number) => s[i] === "\\" && i + 1 < s.length && s[i + 1] !== "\n";
const startsName = (s: string, i: number) =>
  isNameStart(s[i]) || isEscape(s, i) || (s[i] === "-" && (isNameStart(s[i + 1]) || s[i + 1] === "-" || isEscape(s, i + 1)));
const isNonPrintable = (c: string) => c <= "\u0008" || c === "\u000b" || (c >= "\u000e" && c <= "\u001f") || c === "\u007f";

/** Decodes the escape whose backslash is at `i`; returns the character and where reading goes on. */
function readEscape(s: string, i: number): [string, number] {
  const hex = /^[0-9a-fA-F]{1,6}/.exec(s.slice(i + 1, i + 7))?.[0];
  if (!hex) {
    const char = String.fromCodePoint(s.codePointAt(i + 1)!);
    return [char, i + 1 + char.length];
  }
  const code = parseInt(hex, 16);
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  const end = i + 1 + hex.length;
  return [valid ? String.fromCodePoint(code) : "\uFFFD", isSpace(s[end]) ? end + 1 : end];
}

function readName(s: string, i: number): [string, number] {
  let name = "";
  while (isEscape(s, i) || isNameChar(s[i])) {
    const [char, next] = isEscape(s, i) ? readEscape(s, i) : [s[i]!, i + 1];
    name += char;
    i = next;
  }
  return [name, i];
}

function readString(s: string, i: number): { value: string; bad: boolean; end: number } {
  let value = "";
  let j = i + 1;
  while (j < s.length && s[j] !== s[i]) {
    if (s[j] === "\n") return { value, bad: true, end: j };
    if (isEscape(s, j)) {
      const [char, next] = readEscape(s, j);
      value += char;
      j = next;
    } else if (s[j] === "\\") {
      j += 2; // a backslash before a newline continues the string; one at the very end is ignored
    } else {
      value += s[j];
      j++;
    }
  }
  return { value, bad: false, end: j + 1 };
}

/** An unquoted `url(…)`; what a browser would call a bad URL is marked bad but still read to its end. */
function readUrl(s: string, i: number): { value: string; bad: boolean; end: number } {
  let value = "";
  let bad = false;
  while (i < s.length && s[i] !== ")") {
    const c = s[i]!;
    if (isSpace(c)) {
      while (isSpace(s[i])) i++;
      if (i < s.length && s[i] !== ")") bad = true;
    } else if (isEscape(s, i)) {
      const [char, next] = readEscape(s, i);
      value += char;
      i = next;
    } else {
      if (c === '"' || c === "'" || c === "(" || c === "\\" || isNonPrintable(c)) bad = true;
      value += c;
      i++;
    }
  }
  return { value, bad, end: i + 1 };
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const open: string[] = []; // the functions (or "" for a bare parenthesis) we are inside, innermost last
  let urlsOpen = 0; // how many of them are URL functions
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    const [inUrl, parent] = [urlsOpen > 0, open.at(-1)];
    if (c === "/" && s[i + 1] === "*") {
      const end = s.indexOf("*/", i + 2);
      i = end < 0 ? s.length : end + 2;
      tokens.push({ kind: "space" });
    } else if (isSpace(c)) {
      tokens.push({ kind: "space" });
      i++;
    } else if (c === '"' || c === "'") {
      const { value, bad, end } = readString(s, i);
      tokens.push({ kind: "string", value, bad, inUrl, parent });
      i = end;
    } else if (startsName(s, i)) {
      const [name, end] = readName(s, i);
      let arg = end + 1;
      while (isSpace(s[arg])) arg++;
      if (s[end] !== "(") {
        tokens.push({ kind: "text", raw: s.slice(i, end), decoded: name });
        i = end;
      } else if (name.toLowerCase() === "url" && s[arg] !== '"' && s[arg] !== "'") {
        const { value, bad, end: after } = readUrl(s, arg);
        tokens.push({ kind: "url", value, bad, inUrl, parent });
        i = after;
      } else {
        tokens.push({ kind: "function", name, inUrl });
        open.push(name.toLowerCase());
        if (URL_FUNCTIONS.has(name.toLowerCase())) urlsOpen++;
        i = end + 1;
      }
    } else {
      if (c === "(") open.push("");
      if (c === ")" && URL_FUNCTIONS.has(open.pop() ?? "")) urlsOpen--;
      tokens.push({ kind: "text", raw: c, decoded: c });
      i++;
    }
  }
  return tokens;
}

/** What the URL parser would load: it drops tabs and newlines anywhere and control characters at the ends. */
const tidyUrl = (url: string) => url.replace(/[\t\n\r]/g, "").replace(/^[\p{Cc} ]+|[\p{Cc} ]+$/gu, "");

export function isAllowedUrl(url: string): boolean {
  const tidy = tidyUrl(url);
  return DATA_IMAGE.test(tidy) || (/^https:/i.test(tidy) && URL.canParse(tidy));
}

/** A double-quoted CSS string; `<`, `>`, quotes, backslashes and control characters become hex escapes. */
const quote = (value: string) => `"${value.replace(/["\\<>\p{Cc}]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;

function flatText(token: Token): string {
  if (token.kind === "space") return "";
  if (token.kind === "text") return token.decoded;
  if (token.kind === "function") return `${token.name}(`;
  return token.kind === "url" ? `url(${token.value})` : token.value;
}

function problemWith(token: Token): string | undefined {
  if (token.kind === "space") return undefined;
  if (token.kind === "text") {
    if (token.raw === "\\") return "a backslash must start an escape";
    return STRUCTURAL.has(token.raw) ? `“${token.raw}” is not allowed here` : undefined;
  }
  if (token.kind === "function") {
    if (!FUNCTION_NAME.test(token.name)) return `“${token.name}(” is not a CSS function`;
    const name = token.name.toLowerCase();
    return token.inUrl && SUBSTITUTIONS.has(name) ? `${name}() cannot be used inside url() or image-set()` : undefined;
  }
  if (token.bad) return token.kind === "url" ? URL_RULE : "a string is missing its closing quote";
  if (token.kind === "string" && (!token.inUrl || token.parent === "type")) return undefined;
  return isAllowedUrl(token.value) ? undefined : URL_RULE;
}

function write(tokens: Token[]): string {
  let text = "";
  let spaced = false; // tracked apart from `text`: an escape such as `\41 ` also ends in a space
  for (const token of tokens) {
    if (token.kind === "space") {
      spaced = text !== "";
      continue;
    }
    if (spaced) text += " ";
    spaced = false;
    if (token.kind === "text") text += token.raw;
    else if (token.kind === "function") text += `${token.name}(`;
    else text += token.kind === "url" ? `url(${quote(tidyUrl(token.value))})` : quote(token.value);
  }
  return text;
}

export function checkCssText(raw: string): CheckedCss {
  if (raw.includes("<")) return { ok: false, reason: "“<” is not allowed in CSS" };
  const tokens = tokenize(raw);
  const flat = tokens
    .map(flatText)
    .join("")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{Cc}\p{Cf}\uFFFD]/gu, "");
  const forbidden = FORBIDDEN_TEXT.find(([needle]) => flat.includes(needle));
  if (forbidden) return { ok: false, reason: forbidden[1] };
  for (const token of tokens) {
    const reason = problemWith(token);
    if (reason) return { ok: false, reason };
  }
  return { ok: true, text: write(tokens) };
}
