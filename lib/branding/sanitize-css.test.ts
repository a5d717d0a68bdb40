import { describe, expect, it } from "vitest";
import { CUSTOM_CSS_MAX_BYTES, sanitizeCustomCss } from "./sanitize-css";

const URL_RULE = /url\(\) must be https: or a data: PNG\/JPEG\/WebP image/;

/** Whatever went in, the result must be safe inside <style> and clean by its own rules. */
function expectSafe(css: string) {
  expect(css).not.toMatch(/<\/style|<!--|</i);
  expect(css).not.toMatch(/\/\*/);
  expect(sanitizeCustomCss(css, { scope: "" }).removed).toEqual([]);
}

// Each input carries something dangerous (`gone`, checked case-insensitively against the output) and must be
// reported with a reason. Most also carry a harmless rule that has to survive around it.
const hostile: Array<{ name: string; input: string; gone: string; reason: RegExp; kept?: string }> = [
  {
    name: "closing the style element",
    input: "</style><script>alert(1)</script>",
    gone: "script",
    reason: /could not be parsed/,
  },
  {
    name: "</style> in a string",
    input: '.x{content:"</style><script>alert(1)</script>"} .y{color:red}',
    gone: "script",
    reason: /“<”/,
    kept: "color: red",
  },
  { name: "< in a selector", input: ".x</style>{color:red}", gone: "style", reason: /“<”/ },
  { name: "< in one of several selectors", input: ".ok, .x<b{color:red}", gone: "<", reason: /“<”/ },
  { name: "HTML comment opener", input: "<!-- .x{color:red} -->", gone: "<!--", reason: /could not be parsed/ },
  {
    name: "@import url()",
    input: "@import url(https://evil.example/x.css); .y{color:red}",
    gone: "@import",
    reason: /^@import is not allowed$/,
    kept: "color: red",
  },
  { name: "@import string", input: '@import "x.css";', gone: "x.css", reason: /@import is not allowed/ },
  { name: "@IMPORT mixed case", input: "@ImPoRt url(x.css);", gone: "x.css", reason: /@import is not allowed/ },
  {
    name: "@import nested in @media",
    input: "@media screen{@import url(https://evil/x.css); .y{color:red}}",
    gone: "@import",
    reason: /@import is not allowed/,
    kept: "color: red",
  },
  {
    name: "@import smuggled in a value",
    input: '.x{content:"@import url(x.css)"}',
    gone: "@import",
    reason: /@import is not allowed/,
  },
  {
    name: "@charset",
    input: '@charset "UTF-7"; .y{color:red}',
    gone: "utf-7",
    reason: /@charset is not allowed/,
    kept: "color: red",
  },
  {
    name: "@namespace",
    input: "@namespace svg url(http://www.w3.org/2000/svg);",
    gone: "namespace",
    reason: /@namespace is not allowed/,
  },
  { name: "@layer", input: "@layer base{.x{color:red}}", gone: "@layer", reason: /@layer is not allowed/ },
  { name: "@-moz-document", input: "@-moz-document url-prefix(){.x{color:red}}", gone: "moz-document", reason: /not allowed/ },
  {
    name: "javascript: url",
    input: "body{background:url(javascript:alert(1))} .y{color:red}",
    gone: "javascript",
    reason: /^javascript: URLs are not allowed$/,
    kept: "color: red",
  },
  {
    name: "mixed-case quoted javascript:",
    input: '.x{background:url("JaVaScRiPt:alert(1)")}',
    gone: "javascript",
    reason: /javascript: URLs/,
  },
  {
    name: "quoted javascript: with spaces",
    input: ".x{background:url(  'javascript:alert(1)'  )}",
    gone: "javascript",
    reason: /javascript: URLs/,
  },
  {
    name: "escaped url name u\\72l(",
    input: ".x{background:u\\72l(javascript:alert(1))}",
    gone: "alert",
    reason: /javascript: URLs/,
  },
  {
    name: "escaped scheme \\6a avascript:",
    input: ".x{background:url(\\6a avascript:alert(1))}",
    gone: "avascript",
    reason: /javascript: URLs/,
  },
  {
    name: "tab escape inside the scheme",
    input: '.x{background:url("java\\9script:alert(1)")}',
    gone: "script",
    reason: /javascript: URLs/,
  },
  {
    name: "null byte inside the scheme",
    input: ".x{background:url(java\0script:alert(1))}",
    gone: "script",
    reason: /javascript: URLs/,
  },
  {
    name: "fullwidth javascript:",
    input: '.x{background:url("ｊａｖａｓｃｒｉｐｔ：alert(1)")}',
    gone: "alert",
    reason: /javascript: URLs/,
  },
  { name: "vbscript:", input: ".x{background:url(vbscript:msgbox(1))}", gone: "vbscript", reason: /vbscript: URLs/ },
  {
    name: "a bad url among good ones",
    input: ".x{background:url(https://ok.example/a.png), url(javascript:alert(1))}",
    gone: "alert",
    reason: /javascript: URLs/,
  },
  { name: "data: SVG", input: ".x{background:url(data:image/svg+xml;base64,PHN2Zz4=)}", gone: "svg", reason: URL_RULE },
  { name: "data: HTML", input: '.x{background:url("data:text/html;base64,PHNjcmlwdD4=")}', gone: "text/html", reason: URL_RULE },
  {
    name: "data: HTML with markup",
    input: ".x{background:url(data:text/html,<script>alert(1)</script>)}",
    gone: "script",
    reason: /“<”/,
  },
  { name: "http: url", input: ".x{background:url(http://insecure.example/a.png)}", gone: "insecure", reason: URL_RULE },
  { name: "protocol-relative url", input: ".x{background:url(//evil.example/a.png)}", gone: "evil", reason: URL_RULE },
  { name: "relative url", input: ".x{cursor:url(x.cur), auto}", gone: "x.cur", reason: URL_RULE },
  { name: "malformed url", input: ".x{background:url(https://a.example/a b.png)}", gone: "a.example", reason: URL_RULE },
  {
    name: "expression()",
    input: ".x{width:expression(alert(1))}",
    gone: "expression",
    reason: /^expression\(\) is not allowed$/,
  },
  { name: "comment inside expression", input: ".x{width:exp/**/ression(alert(1))}", gone: "ression", reason: /expression\(\)/ },
  { name: "escaped expression", input: ".x{width:\\65 xpression(alert(1))}", gone: "xpression", reason: /expression\(\)/ },
  { name: "fullwidth expression", input: ".x{width:ｅｘｐｒｅｓｓｉｏｎ(alert(1))}", gone: "alert", reason: /expression\(\)/ },
  {
    name: "behavior",
    input: ".x{behavior:url(x.htc); color:red}",
    gone: "htc",
    reason: /^behavior is not allowed$/,
    kept: "color: red",
  },
  { name: "-ms-behavior", input: ".x{-ms-behavior:url(x.htc)}", gone: "htc", reason: /-ms-behavior is not allowed/ },
  {
    name: "-moz-binding with an https url",
    input: ".x{-moz-binding:url(https://evil.example/x.xml#xss)}",
    gone: "evil",
    reason: /^-moz-binding is not allowed$/,
  },
  { name: "escaped property name", input: ".x{b\\65havior:url(x.htc)}", gone: "htc", reason: /not a valid property name/ },
  { name: "IE star hack", input: ".x{*behavior:url(x.htc)}", gone: "htc", reason: /not a valid property name/ },
  {
    name: "image-set javascript:",
    input: '.x{background-image:image-set("javascript:alert(1)" 1x)}',
    gone: "alert",
    reason: /javascript: URLs/,
  },
  {
    name: "image-set http:",
    input: '.x{background-image:image-set("http://evil.example/a.png" 1x)}',
    gone: "evil",
    reason: URL_RULE,
  },
  {
    name: "-webkit-image-set url()",
    input: ".x{background-image:-webkit-image-set(url(http://evil.example/a.png) 1x)}",
    gone: "evil",
    reason: URL_RULE,
  },
  {
    name: "var() inside image-set",
    input: ".x{background-image:image-set(var(--img) 1x)}",
    gone: "image-set",
    reason: /var\(\) cannot be used/,
  },
  { name: "src() string", input: '.x{background:src("http://evil.example/a.png")}', gone: "evil", reason: URL_RULE },
  {
    name: "custom property url",
    input: ".x{--bg:url(http://evil.example/a.png); color:red}",
    gone: "evil",
    reason: URL_RULE,
    kept: "color: red",
  },
  {
    name: "@font-face with a bad src",
    input: "@font-face{font-family:x;src:url(http://evil.example/x.woff)}",
    gone: "evil",
    reason: URL_RULE,
  },
  {
    name: "@keyframes with a bad url",
    input: "@keyframes x{from{background:url(javascript:alert(1))}}",
    gone: "alert",
    reason: /javascript: URLs/,
  },
  {
    name: "sibling of the scope element",
    input: "body + footer{display:none} .y{color:red}",
    gone: "footer",
    reason: /must not start with \+ or ~/,
    kept: "color: red",
  },
  { name: "leading ~ combinator", input: "~ .x{display:none}", gone: ".x", reason: /must not start with \+ or ~/ },
  { name: "nested rule", input: ".a{& + .b{display:none}}", gone: ".b", reason: /nested rules are not supported/ },
  { name: "media range syntax with <", input: "@media (width < 600px){.x{color:red}}", gone: "600px", reason: /max-width/ },
  { name: "unbalanced braces", input: ".x{color:red}}", gone: "color", reason: /could not be parsed: .* at line 1/ },
  {
    name: "unclosed block",
    input: ".ok{color:red}\n.x{color:blue",
    gone: "color",
    reason: /could not be parsed: Unclosed block at line 2/,
  },
  { name: "declaration outside a rule", input: "color:red", gone: "red", reason: /declarations must be inside a rule/ },
  { name: "non-CSS function name", input: ".x{width:foo\\28 bar(1)}", gone: "foo", reason: /is not a CSS function/ },
  {
    name: "deep @media nesting",
    input: `${"@media screen{".repeat(20)}.x{color:red}${"}".repeat(20)}`,
    gone: "color",
    reason: /nested too deeply/,
  },
];

describe("sanitizeCustomCss: hostile input", () => {
  it.each(hostile)("$name", ({ input, gone, reason, kept }) => {
    const { css, removed } = sanitizeCustomCss(input);
    expect(css.toLowerCase()).not.toContain(gone.toLowerCase());
    expect(removed.map((r) => r.reason)).toContainEqual(expect.stringMatching(reason));
    if (kept) expect(css).toContain(kept);
    expectSafe(css);
  });

  it("refuses input over 20 KB, measured in UTF-8 bytes", () => {
    expect(CUSTOM_CSS_MAX_BYTES).toBe(20 * 1024);
    const long = `.x{color:red}/*${"a".repeat(CUSTOM_CSS_MAX_BYTES)}*/`;
    const multibyte = `.x{content:"${"€".repeat(7000)}"}`; // 7,015 characters but over 21,000 bytes
    for (const input of [long, multibyte]) {
      const { css, removed } = sanitizeCustomCss(input);
      expect(css).toBe("");
      expect(removed).toEqual([{ rule: "(whole stylesheet)", reason: expect.stringMatching(/at most 20 KB/) }]);
    }
  });

  it("accepts input of exactly 20 KB", () => {
    const rule = ".x{color:red}";
    const input = rule + " ".repeat(CUSTOM_CSS_MAX_BYTES - rule.length);
    expect(sanitizeCustomCss(input).css).toContain("color: red");
  });

  it("strips comments, including ones that try to close the style element", () => {
    const { css, removed } = sanitizeCustomCss("/* </style><script>alert(1)</script> */ .x{color:/* hi */red}");
    expect(css).toBe("[data-tenant-portal] .x {\n  color: red;\n}");
    expect(removed).toEqual([]);
  });

  it("never throws, whatever the bytes", () => {
    const inputs = ["{", "}", "@", "a{b:(", "a{b:'x\n}", "a{b:url(x", "\\", "@media{", "a{b:c\\}", "\u0000{}", ":root{--x:{}}"];
    for (const input of inputs) expectSafe(sanitizeCustomCss(input).css);
  });
});

describe("sanitizeCustomCss: what is kept", () => {
  const kept: Array<{ name: string; input: string; css: string }> = [
    {
      name: "normal properties, scoped",
      input: ".card a{color:red;margin:0 auto}",
      css: "[data-tenant-portal] .card a {\n  color: red;\n  margin: 0 auto;\n}",
    },
    {
      name: "each selector in a list",
      input: ".a, .b > p{color:red}",
      css: "[data-tenant-portal] .a, [data-tenant-portal] .b > p {\n  color: red;\n}",
    },
    { name: "body as the scope", input: "body{color:red}", css: "[data-tenant-portal] {\n  color: red;\n}" },
    { name: "body descendants", input: "body .x{color:red}", css: "[data-tenant-portal] .x {\n  color: red;\n}" },
    { name: "html > body children", input: "html > body > .x{color:red}", css: "[data-tenant-portal] > .x {\n  color: red;\n}" },
    { name: ":root custom properties", input: ":root{--brand:#1a2b3c}", css: "[data-tenant-portal] {\n  --brand: #1a2b3c;\n}" },
    {
      name: "https url, re-quoted",
      input: ".x{background:url(https://cdn.example.com/a.png) no-repeat}",
      css: '[data-tenant-portal] .x {\n  background: url("https://cdn.example.com/a.png") no-repeat;\n}',
    },
    {
      name: "data: PNG",
      input: ".x{background-image:url('data:image/png;base64,iVBORw0KGgo=')}",
      css: '[data-tenant-portal] .x {\n  background-image: url("data:image/png;base64,iVBORw0KGgo=");\n}',
    },
    {
      name: "image-set with https, data and type()",
      input:
        '.x{background-image:image-set("https://a.example/a.avif" type("image/avif") 1x, url(data:image/webp;base64,AAAA) 2x)}',
      css: '[data-tenant-portal] .x {\n  background-image: image-set("https://a.example/a.avif" type("image/avif") 1x, url("data:image/webp;base64,AAAA") 2x);\n}',
    },
    {
      name: "@media, with its rules scoped",
      input: "@media (max-width: 600px){.x{color:red}@supports (display:grid){.y{display:grid}}}",
      css: "@media (max-width: 600px) {\n  [data-tenant-portal] .x {\n    color: red;\n  }\n  @supports (display:grid) {\n    [data-tenant-portal] .y {\n      display: grid;\n    }\n  }\n}",
    },
    {
      name: "@keyframes, unprefixed",
      input: "@keyframes fade{from{opacity:0}50.5%{opacity:.5}to{opacity:1}}.x{animation:fade 1s}",
      css: "@keyframes fade {\n  from {\n    opacity: 0;\n  }\n  50.5% {\n    opacity: .5;\n  }\n  to {\n    opacity: 1;\n  }\n}\n[data-tenant-portal] .x {\n  animation: fade 1s;\n}",
    },
    {
      name: "@font-face with an https src",
      input: '@font-face{font-family:"Brand";src:url(https://fonts.example/b.woff2) format("woff2"), local("Arial")}',
      css: '@font-face {\n  font-family: "Brand";\n  src: url("https://fonts.example/b.woff2") format("woff2"), local("Arial");\n}',
    },
    {
      name: "custom properties and var()",
      input: ".x{--gap:  4px 8px;padding:var(--gap, 0)!important}",
      css: "[data-tenant-portal] .x {\n  --gap: 4px 8px;\n  padding: var(--gap, 0) !important;\n}",
    },
    {
      name: "an escape's own space kept apart from the next word",
      input: ".x{font-family:\\41  b}",
      css: "[data-tenant-portal] .x {\n  font-family: \\41  b;\n}",
    },
    {
      name: "escaped < in a string, still escaped",
      input: '.x::before{content:"\\3c b\\3e"}',
      css: '[data-tenant-portal] .x::before {\n  content: "\\3c b\\3e ";\n}',
    },
  ];

  it.each(kept)("$name", ({ input, css }) => {
    const result = sanitizeCustomCss(input);
    expect(result).toEqual({ css, removed: [] });
    expectSafe(result.css);
  });

  it("uses the scope it is given", () => {
    expect(sanitizeCustomCss("body{color:red} .x{color:blue}", { scope: "#portal" }).css).toBe(
      "#portal {\n  color: red;\n}\n#portal .x {\n  color: blue;\n}",
    );
  });

  it("returns nothing for an empty stylesheet", () => {
    expect(sanitizeCustomCss("")).toEqual({ css: "", removed: [] });
  });

  it("reports the line of what it removed", () => {
    const { removed } = sanitizeCustomCss(".a{color:red}\n.b{\n  behavior:url(x.htc);\n}");
    expect(removed).toEqual([{ rule: "behavior: url(x.htc)", reason: "behavior is not allowed", line: 3 }]);
  });
});
