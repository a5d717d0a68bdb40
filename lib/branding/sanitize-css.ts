import { CssSyntaxError, list, parse, type AtRule, type ChildNode, type Declaration, type Rule } from "postcss";
import { checkCssText, type CheckedCss } from "./css-url";

/**
 * Tenant custom CSS is parsed with PostCSS, reduced to a safe subset and written out again from the AST, so it can
 * go inside the portal's <style> element. Every selector is scoped to the tenant portal element.
 *
 * At-rules: @media and @supports (their contents sanitised the same way), @keyframes (keyframe selectors only,
 * left unscoped) and @font-face (its src obeys the url() rule). Everything else is dropped: @import loads CSS
 * nobody checked; @charset means nothing inside a page; @namespace changes how every selector matches; @layer
 * could reorder the portal's own (Tailwind) cascade layers; @page, @property and the rest reach beyond the portal.
 * CSS nesting is not supported: a nested `& + x` would reach outside the scope element.
 */

export const CUSTOM_CSS_MAX_BYTES = 20 * 1024;
export const DEFAULT_CSS_SCOPE = "[data-tenant-portal]";

/** What was dropped, for tenant admins. `rule` is the tenant's own text: show it as text, never as HTML. */
export type RemovedCss = { rule: string; reason: string; line?: number };
export type SanitizedCss = { css: string; removed: RemovedCss[] };

type Context = "stylesheet" | "rule" | "keyframes" | "font-face";
type Walk = { scope: string; removed: RemovedCss[] };

const MAX_NESTING = 8;
const ALLOWED_AT_RULES = new Set(["media", "supports", "keyframes", "font-face"]);
const AT_RULE_REASONS = new Map([
  ["import", "@import is not allowed"],
  ["charset", "@charset is not allowed (the portal's styles are always UTF-8)"],
  ["namespace", "@namespace is not allowed"],
  ["layer", "@layer is not allowed: it could reorder the portal's own styles"],
]);
const PROPERTY = /^(?:--[\w-]+|-?[a-z_][\w-]*)$/i;
const BINDING_PROPERTY = /^(?:-[a-z]+-)?(?:behavior|binding)$/i; // IE's behavior and Firefox's -moz-binding run code
const KEYFRAMES_NAME = /^-?[a-z_][\w-]*$/i;
const KEYFRAME_SELECTOR = /^(?:from|to|\d+(?:\.\d+)?%)$/i;
const ROOT_COMPOUND = /^(?:html|body|:root)(?=$|[\s>+~])\s*/i;
const ROOT_CHAIN = /^>\s*(?=(?:html|body|:root)(?:$|[\s>+~]))/i;

/**
 * Never throws for bad CSS. Input over CUSTOM_CSS_MAX_BYTES and input PostCSS cannot parse both come back as
 * empty `css` with one "(whole stylesheet)" entry in `removed` saying why, so callers handle a single shape.
 */
export function sanitizeCustomCss(input: string, options: { scope?: string } = {}): SanitizedCss {
  const bytes = new TextEncoder().encode(input).byteLength;
  if (bytes > CUSTOM_CSS_MAX_BYTES)
    return refuse(`custom CSS must be at most 20 KB (${CUSTOM_CSS_MAX_BYTES} bytes); this is ${bytes} bytes`);
  let nodes: ChildNode[];
  try {
    // As browsers do before tokenizing: one kind of newline, and U+FFFD instead of NUL.
    nodes = parse(input.replace(/\r\n?|\f/g, "\n").replaceAll("\0", "\uFFFD")).nodes;
  } catch (error) {
    if (!(error instanceof CssSyntaxError)) throw error;
    return refuse(`CSS could not be parsed: ${error.reason}${error.line ? ` at line ${error.line}` : ""}`, error.line);
  }
  const walk: Walk = { scope: options.scope ?? DEFAULT_CSS_SCOPE, removed: [] };
  const css = sanitizeChildren(nodes, "stylesheet", 0, walk).join("\n");
  // The HTML parser ends a <style> element at the first "</style"; whatever the rules above let through, no "<" may.
  if (css.includes("<")) return refuse("the sanitised CSS still contained “<”");
  return { css, removed: walk.removed };
}

function refuse(reason: string, line?: number): SanitizedCss {
  return { css: "", removed: [{ rule: "(whole stylesheet)", reason, ...(line ? { line } : {}) }] };
}

function sanitizeChildren(nodes: ChildNode[], context: Context, depth: number, walk: Walk): string[] {
  return nodes.map((node) => sanitizeNode(node, context, depth, walk)).filter((text) => text !== undefined);
}

function sanitizeNode(node: ChildNode, context: Context, depth: number, walk: Walk): string | undefined {
  switch (node.type) {
    case "comment":
      return undefined;
    case "decl":
      if (context === "stylesheet" || context === "keyframes") return drop(walk, node, "declarations must be inside a rule");
      return sanitizeDeclaration(node, walk);
    case "rule":
      if (context === "rule" || context === "font-face")
        return drop(walk, node, "nested rules are not supported; write the full selector instead");
      return sanitizeRule(node, context, depth, walk);
    case "atrule":
      return sanitizeAtRule(node, context, depth, walk);
  }
}

function sanitizeDeclaration(node: Declaration, walk: Walk): string | undefined {
  // PostCSS keeps IE hacks such as `*color` or `_color` in raws.before; they belong to the property name.
  const prop = (/[^\s;]+$/.exec(node.raws.before ?? "")?.[0] ?? "") + node.prop;
  if (!PROPERTY.test(prop)) return drop(walk, node, `“${prop}” is not a valid property name`);
  if (BINDING_PROPERTY.test(prop)) return drop(walk, node, `${prop.toLowerCase()} is not allowed`);
  const value = checkCssText(node.value);
  if (!value.ok) return drop(walk, node, value.reason);
  return `${prop}: ${value.text}${node.important ? " !important" : ""};`;
}

function sanitizeRule(node: Rule, context: "stylesheet" | "keyframes", depth: number, walk: Walk): string | undefined {
  const checked = checkCssText(node.selector);
  if (!checked.ok) return drop(walk, node, checked.reason);
  const selectors: string[] = [];
  for (const selector of list.comma(checked.text)) {
    const result = context === "keyframes" ? checkKeyframeSelector(selector) : scopeSelector(selector, walk.scope);
    if (result.ok) selectors.push(result.text);
    else walk.removed.push({ rule: selector || node.selector, reason: result.reason, line: node.source?.start?.line });
  }
  if (selectors.length === 0) return undefined;
  return block([...new Set(selectors)].join(", "), sanitizeChildren(node.nodes, "rule", depth + 1, walk));
}

function sanitizeAtRule(node: AtRule, context: Context, depth: number, walk: Walk): string | undefined {
  const name = node.name.toLowerCase();
  if (!ALLOWED_AT_RULES.has(name)) return drop(walk, node, AT_RULE_REASONS.get(name) ?? `@${node.name} is not allowed`);
  if (context !== "stylesheet")
    return drop(walk, node, `@${name} is not allowed inside ${context === "rule" ? "a rule" : `@${context}`}`);
  if (depth >= MAX_NESTING) return drop(walk, node, `@${name} is nested too deeply`);
  if (!node.nodes) return drop(walk, node, `@${name} needs a { … } block`);
  if (name === "media" && node.params.includes("<")) return drop(walk, node, "use (max-width: …) rather than “<” in @media");
  const params = checkCssText(node.params);
  if (!params.ok) return drop(walk, node, params.reason);
  if (name === "keyframes" && !KEYFRAMES_NAME.test(params.text)) return drop(walk, node, "@keyframes needs a plain name");
  if (name === "font-face" && params.text) return drop(walk, node, "@font-face takes nothing before its { … } block");
  const inner = name === "keyframes" || name === "font-face" ? name : "stylesheet";
  const header = params.text ? `@${name} ${params.text}` : `@${name}`;
  return block(header, sanitizeChildren(node.nodes, inner, depth + 1, walk));
}

/** `.card a` → `[scope] .card a`; html, body and :root standing alone are the scope element itself. */
function scopeSelector(selector: string, scope: string): CheckedCss {
  let rest = selector;
  let atRoot = false;
  for (let match = ROOT_COMPOUND.exec(rest); match; match = ROOT_COMPOUND.exec(rest)) {
    atRoot = true;
    rest = rest.slice(match[0].length).replace(ROOT_CHAIN, "");
  }
  if (rest === "") return atRoot ? { ok: true, text: scope } : { ok: false, reason: "empty selector" };
  if (/^[+~]/.test(rest))
    return { ok: false, reason: "a selector must not start with + or ~: it would reach outside the portal" };
  return { ok: true, text: `${scope} ${rest}` };
}

function checkKeyframeSelector(selector: string): CheckedCss {
  if (KEYFRAME_SELECTOR.test(selector)) return { ok: true, text: selector };
  return { ok: false, reason: "keyframe selectors must be from, to or a percentage" };
}

function block(header: string, children: string[]): string | undefined {
  if (children.length === 0) return undefined;
  return `${header} {\n${children.join("\n").replace(/^/gm, "  ")}\n}`;
}

function drop(walk: Walk, node: ChildNode, reason: string): undefined {
  walk.removed.push({ rule: describe(node), reason, line: node.source?.start?.line });
  return undefined;
}

function describe(node: ChildNode): string {
  const text =
    node.type === "decl"
      ? `${node.prop}: ${node.value}`
      : node.type === "rule"
        ? node.selector
        : node.type === "atrule"
          ? `@${node.name} ${node.params}`
          : node.text;
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
