import { describe, expect, it } from "vitest";
import {
  COMMENT_LINK_REL,
  COMMENT_MAX_LENGTH,
  COMMENT_MIN_LENGTH,
  renderCommentMarkdown,
  validateCommentBody,
} from "@/lib/comments/markdown";
import { timeBounded } from "../support/timing";

// --- A deliberately strict scanner for the renderer's output -------------------------------------
// The output comes from hast-util-to-html, so it is regular: double-quoted attributes, every text
// `<` escaped. Anything that is not a well-formed tag is treated as a failure ("stray <").

type Tag = { kind: "open" | "close"; name: string; attrs: Record<string, string>; raw: string };
type Token = Tag | { kind: "text"; value: string };

const ALLOWED_TAGS = new Set(["p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br"]);
const VOID_TAGS = new Set(["br"]);
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*>/y;
const ATTR = /\s+([^\s"'<>/=]+)(?:="([^"]*)")?/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") {
      const named = NAMED[ref.toLowerCase()];
      if (named === undefined) throw new Error(`Unverified named character reference ${whole}`);
      return named;
    }
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const end = lt === -1 ? html.length : lt;
    if (end > i) tokens.push({ kind: "text", value: decodeEntities(html.slice(i, end)) });
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) throw new Error(`Stray "<" forming no allowed tag at ${lt}: ${html.slice(lt, lt + 40)}`);
    const [raw, slash, name, attrText] = match as unknown as [string, string, string, string];
    const attrs: Record<string, string> = {};
    for (const [, key, value] of attrText.matchAll(ATTR)) {
      if (key === undefined) continue;
      if (value?.includes("<")) throw new Error(`Raw "<" inside attribute ${key}: ${raw}`);
      attrs[key.toLowerCase()] = decodeEntities(value ?? "");
    }
    tokens.push({ kind: slash ? "close" : "open", name, attrs, raw });
    i = lt + raw.length;
  }
  return tokens;
}

/** What a browser's URL parser would look at: tabs/newlines removed, leading controls/space trimmed. */
function browserUrl(href: string): string {
  const stripped = href.replace(/[\t\n\r]/g, "");
  let start = 0;
  while (start < stripped.length && stripped.charCodeAt(start) <= 0x20) start++;
  return stripped.slice(start);
}
const SAFE_HREF = /^https?:\/\//;

/** Asserts the HTML is structurally inside the allow-list; returns its tokens for further checks. */
function assertSafeHtml(html: string): Token[] {
  expect(html).not.toMatch(/<script/i);
  const tokens = tokenize(html);
  const stack: string[] = [];
  for (const token of tokens) {
    if (token.kind === "text") continue;
    expect(ALLOWED_TAGS.has(token.name), `tag <${token.name}> in ${html}`).toBe(true);
    expect(token.raw, `markup of ${token.raw}`).not.toMatch(/\bon[a-z]+\s*=|javascript:|style|<script/i);
    if (token.kind === "close") {
      expect(stack.pop(), `unbalanced </${token.name}> in ${html}`).toBe(token.name);
      continue;
    }
    if (!VOID_TAGS.has(token.name)) stack.push(token.name);
    const names = Object.keys(token.attrs).sort();
    if (token.name === "pre") {
      // The one fixed attribute the renderer adds: a scrolling code block a keyboard can focus.
      expect(token.attrs, `attributes on <pre> in ${html}`).toEqual({ tabindex: "0" });
      continue;
    }
    if (token.name !== "a") {
      expect(names, `attributes on <${token.name}>`).toEqual([]);
      continue;
    }
    expect(names).toEqual(["href", "rel"]);
    expect(token.attrs.rel).toBe(COMMENT_LINK_REL);
    const href = browserUrl(token.attrs.href ?? "");
    expect(href, `href ${JSON.stringify(token.attrs.href)}`).toMatch(SAFE_HREF);
    expect(href).not.toMatch(/^\s*(?:javascript|vbscript|data):/i);
  }
  expect(stack, `unclosed elements in ${html}`).toEqual([]);
  return tokens;
}

const textOf = (tokens: Token[]) => tokens.map((t) => (t.kind === "text" ? t.value : "")).join("");
const hrefsOf = (tokens: Token[]) =>
  tokens.flatMap((t) => (t.kind === "open" && t.name === "a" ? [t.attrs.href] : []));

describe("the output checker itself", () => {
  const REL = `rel="${COMMENT_LINK_REL}"`;
  it.each([
    ["a disallowed tag", "<img src=x>"],
    ["an event handler", '<p onclick="x">a</p>'],
    ["a style attribute", '<p style="color:red">a</p>'],
    ["a javascript: href", `<a href="javascript:alert(1)" ${REL}>x</a>`],
    ["an entity-obfuscated href", `<a href="jav&#x09;ascript:alert(1)" ${REL}>x</a>`],
    ["a leading-space href", `<a href=" javascript:alert(1)" ${REL}>x</a>`],
    ["a protocol-relative href", `<a href="//evil.example" ${REL}>x</a>`],
    ["a link without rel", '<a href="/ok">x</a>'],
    ["a link with another rel", '<a href="/ok" rel="nofollow">x</a>'],
    ["a stray <", "<p>a < b</p>"],
    ["a comment", "<!-- x --><p>a</p>"],
    ["unbalanced nesting", "<p><em>a</p></em>"],
    ["an unclosed element", "<p>a"],
  ])("rejects %s", (_name, html) => {
    expect(() => assertSafeHtml(html)).toThrow();
  });
});

describe("renderCommentMarkdown: the supported subset", () => {
  const cases: Array<[string, string, string]> = [
    ["paragraphs", "one\n\ntwo", "<p>one</p>\n<p>two</p>"],
    ["emphasis", "*a* and _b_", "<p><em>a</em> and <em>b</em></p>"],
    ["strong", "**a** and __b__", "<p><strong>a</strong> and <strong>b</strong></p>"],
    [
      "links",
      "[docs](https://docs.docker.com/)",
      `<p><a href="https://docs.docker.com/" rel="${COMMENT_LINK_REL}">docs</a> (docs.docker.com)</p>`,
    ],
    [
      "autolinks",
      "<https://example.com>",
      `<p><a href="https://example.com" rel="${COMMENT_LINK_REL}">https://example.com</a></p>`,
    ],
    [
      "bare URLs are linked",
      "see https://example.com/a?b=1.",
      `<p>see <a href="https://example.com/a?b=1" rel="${COMMENT_LINK_REL}">https://example.com/a?b=1</a>.</p>`,
    ],
    [
      "bare www. addresses are linked over http",
      "at www.example.com now",
      `<p>at <a href="http://www.example.com" rel="${COMMENT_LINK_REL}">www.example.com</a> now</p>`,
    ],
    ["email addresses are not linked (http and https only)", "<me@example.com>", "<p>me@example.com</p>"],
    ["mailto links are not linked", "[mail](mailto:me@example.com)", "<p>mail</p>"],
    ["inline code", "run `docker ps`", "<p>run <code>docker ps</code></p>"],
    [
      "fenced code (language class dropped)",
      "```sh\ndocker ps\n```",
      '<pre tabindex="0"><code>docker ps\n</code></pre>',
    ],
    [
      "indented code",
      "    FROM node:22\n    RUN npm ci",
      '<pre tabindex="0"><code>FROM node:22\nRUN npm ci\n</code></pre>',
    ],
    ["unordered lists", "- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"],
    ["ordered lists (start dropped)", "3. a\n4. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>"],
    ["blockquotes", "> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>"],
    ["hard line breaks (two spaces)", "a  \nb", "<p>a<br>\nb</p>"],
    ["hard line breaks (backslash)", "a\\\nb", "<p>a<br>\nb</p>"],
    ["headings become bold paragraphs", "# Title *x*", "<p><strong>Title <em>x</em></strong></p>"],
    [
      "images become links to the image",
      "![diagram](https://example.com/d.png)",
      `<p><a href="https://example.com/d.png" rel="${COMMENT_LINK_REL}">diagram</a> (example.com)</p>`,
    ],
    ["images with unsafe URLs become their alt text", "![diagram](javascript:alert(1))", "<p>diagram</p>"],
    ["thematic breaks are dropped", "a\n\n---\n\nb", "<p>a</p>\n<p>b</p>"],
    ["same-site paths are not linked (http and https only)", "[lesson](/courses/docker/1)", "<p>lesson</p>"],
    ["protocol-relative URLs are not linked", "[x](//evil.example/)", "<p>x</p>"],
    ["bare relative paths are not linked", "[x](foo/bar)", "<p>x</p>"],
    ["fragments are not linked", "[x](#top)", "<p>x</p>"],
    ["other schemes are not linked", "[x](ftp://example.com/)", "<p>x</p>"],
    [
      "upper-case schemes are normalised",
      "[x](HTTPS://example.com)",
      `<p><a href="https://example.com" rel="${COMMENT_LINK_REL}">x</a> (example.com)</p>`,
    ],
    [
      "link titles are dropped",
      '[x](https://example.com "hi")',
      `<p><a href="https://example.com" rel="${COMMENT_LINK_REL}">x</a> (example.com)</p>`,
    ],
    [
      "an image inside a link does not nest anchors",
      "[![badge](https://img.example/b.svg)](https://example.com)",
      `<p><a href="https://example.com" rel="${COMMENT_LINK_REL}">badge</a> (example.com)</p>`,
    ],
    ["tables are not supported (no GFM)", "| a |\n| - |\n| b |", "<p>| a |\n| - |\n| b |</p>"],
    ["strikethrough is not supported (no GFM)", "~~a~~", "<p>~~a~~</p>"],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    const html = renderCommentMarkdown(input);
    expect(html).toBe(expected);
    assertSafeHtml(html);
  });

  it('gives every link exactly rel="nofollow ugc noopener"', () => {
    const html = renderCommentMarkdown(
      "[a](https://a.example) <https://b.example> ![c](https://c.example/c.png) http://d.example",
    );
    const anchors = tokenize(html).filter((t): t is Tag => t.kind === "open" && t.name === "a");
    expect(anchors).toHaveLength(4);
    for (const a of anchors) expect(a.attrs.rel).toBe("nofollow ugc noopener");
  });

  it("shows raw HTML as escaped text, never as markup", () => {
    expect(renderCommentMarkdown("Wrap it in a <div> first")).toBe("<p>Wrap it in a &#x3C;div> first</p>");
    const block = renderCommentMarkdown('<div class="x">\n*hi*\n</div>');
    expect(block).toBe('<p>&#x3C;div class="x">\n*hi*\n&#x3C;/div></p>');
    expect(textOf(assertSafeHtml(block))).toBe('<div class="x">\n*hi*\n</div>');
  });

  it.each([
    ["blockquotes", ">".repeat(5000)],
    ["spaced blockquotes", "> ".repeat(2500)],
    ["bullet lists", `${"- ".repeat(2499)}x`],
    ["ordered lists", `${"1. ".repeat(1666)}x`],
  ])("caps nesting at 20 containers per line: 5,000 characters of %s", (_name, input) => {
    const { result: tokens, fastestMs } = timeBounded(
      () => assertSafeHtml(renderCommentMarkdown(input)),
      2000,
    );
    expect(fastestMs).toBeLessThan(2000);
    let depth = 0;
    let deepest = 0;
    for (const t of tokens) {
      if (t.kind === "text" || !["blockquote", "ul", "ol"].includes(t.name)) continue;
      depth += t.kind === "open" ? 1 : -1;
      deepest = Math.max(deepest, depth);
    }
    expect(deepest).toBe(20);
  });

  it("renders bodies far over the limit (not validated on the way in) as escaped plain text", () => {
    const input = `<script>alert(1)</script> [x](javascript:alert(1)) **b** ${"a".repeat(10_000)}`;
    const html = renderCommentMarkdown(input);
    expect(
      html.startsWith("<p>&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E; [x](javascript:alert(1)) **b**"),
    ).toBe(true);
    expect(textOf(assertSafeHtml(html))).toBe(input);
  });
});

// --- XSS vectors ---------------------------------------------------------------------------------

const XSS_VECTORS: Record<string, string> = {
  "script tag": "<script>alert(1)</script>",
  "script tag, upper case": "<SCRIPT>alert(1)</SCRIPT>",
  "script tag, nested": "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "script tag inline": "hi <script>alert(1)</script> there",
  "script tag with src": '<script src="https://evil.example/x.js"></script>',
  "script inside strong": "**<script>alert(1)</script>**",
  "img onerror": "<img src=x onerror=alert(1)>",
  "img onerror with entity payload": '<img src="x" onerror="&#97;lert(1)">',
  "svg onload": "<svg onload=alert(1)>",
  "body onload": "<body onload=alert(1)>",
  "a onmouseover": '<a onmouseover="alert(1)">hover</a>',
  "details ontoggle": "<details open ontoggle=alert(1)>",
  "good href plus onclick": '<a href="https://ok.example" onclick="alert(1)">x</a>',
  "raw a javascript href": '<a href="javascript:alert(1)">x</a>',
  "unknown element with handler": "<x onclick=alert(1)>x</x>",
  "md link javascript:": "[x](javascript:alert(1))",
  "md link vbscript:": "[x](vbscript:msgbox(1))",
  "md link data:text/html base64": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "md link file:": "[x](file:///etc/passwd)",
  "md image javascript:": "![x](javascript:alert(1))",
  "md image data:": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "autolink javascript:": "<javascript:alert(1)>",
  "autolink data:": "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
  "autolink vbscript:": "<vbscript:msgbox(1)>",
  "reference link javascript:": "[x][r]\n\n[r]: javascript:alert(1)",
  "reference image javascript:": "![x][r]\n\n[r]: javascript:alert(1)",
  "collapsed reference javascript:": "[r][]\n\n[r]: javascript:alert(1)",
  "shortcut reference, angle destination": "[r]\n\n[r]: <javascript:alert(1)>",
  "entity &#106;avascript:": "[x](&#106;avascript:alert(1))",
  "entity tab jav&#x09;ascript:": "[x](jav&#x09;ascript:alert(1))",
  "entity newline java&#10;script:": "[x](java&#10;script:alert(1))",
  "all hex entities": "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
  "named entity &colon;": "[x](javascript&colon;alert(1))",
  "mixed case JaVaScRiPt:": "[x](JaVaScRiPt:alert(1))",
  "leading spaces": "[x](   javascript:alert(1))",
  "leading spaces in angle destination": "[x](<  javascript:alert(1)>)",
  "NUL in scheme": "[x](java\0script:alert(1))",
  "leading control char": "[x](\u0001javascript:alert(1))",
  "protocol-relative": "[x](//evil.example/steal)",
  "backslash host": "[x](/\\evil.example/steal)",
  "quote in href": '[x](https://ok.example/"onmouseover="alert(1))',
  "angle brackets in href": "[x](https://ok.example/<script>alert(1)</script>)",
  "mailto with quote": '[x](mailto:a@b.example"onmouseover=alert(1))',
  "svg script": "<svg><script>alert(1)</script></svg>",
  "svg xlink:href": '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  iframe: '<iframe src="javascript:alert(1)"></iframe>',
  "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  object: '<object data="javascript:alert(1)"></object>',
  embed: '<embed src="javascript:alert(1)">',
  "form action": '<form action="javascript:alert(1)"><button>go</button></form>',
  "math href": '<math href="javascript:alert(1)">click</math>',
  "math mglyph style": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "style tag url(javascript:)": "<style>body{background:url(javascript:alert(1))}</style>",
  "style attribute expression(": '<div style="width: expression(alert(1))">x</div>',
  "style attribute url(javascript:)": '<p style="background:url(javascript:alert(1))">x</p>',
  "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "base href": '<base href="javascript:alert(1)//">',
  "link rel=import": '<link rel=import href="https://evil.example/x.html">',
  "broken nesting in href": '<a href="</a><script>alert(1)</script>">x</a>',
  "unclosed img": "<img src=x onerror=alert(1)",
  "unclosed script": "<script>alert(1)",
  "comment hiding script": "<!--<script>-->alert(1)<!--</script>-->",
  CDATA: "<![CDATA[<script>alert(1)</script>]]>",
  // \u0024 is "$": the payload is a literal `${alert(1)}`, not a placeholder in this file.
  "template literal": "\u0024{alert(1)} and `\u0024{alert(1)}`",
  "link title breakout": '[x](https://a.com "title\\" onmouseover=alert(1) x=\\"")',
  "reference title breakout": '[x][r]\n\n[r]: https://a.com "t\\" onmouseover=alert(1) x=\\""',
  "noscript title": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "mXSS svg/style": '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  "mXSS form/math": "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
  "html in link text": "[<img src=x onerror=alert(1)>](https://ok.example)",
  "html in image alt": '![<img src=x onerror=alert(1)>"](https://ok.example/a.png)',
  "html in heading": "# <img src=x onerror=alert(1)>",
  "html in blockquote": "> <iframe src=javascript:alert(1)>",
  "html in list item": "- <svg onload=alert(1)>",
  "script in inline code": "`<script>alert(1)</script>`",
  "script in fenced code": '```html"><script>alert(1)</script>\n<script>alert(1)</script>\n```',
};

describe("renderCommentMarkdown: XSS vectors", () => {
  it("covers at least 40 vectors", () => {
    expect(Object.keys(XSS_VECTORS).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(XSS_VECTORS))("%s", (_name, input) => {
    const html = renderCommentMarkdown(input);
    const tokens = assertSafeHtml(html);
    for (const href of hrefsOf(tokens)) expect(href).not.toMatch(/javascript:|vbscript:|data:/i);
  });
});

// --- Validation ----------------------------------------------------------------------------------

describe("validateCommentBody", () => {
  it("exports the limits the form shows", () => {
    expect(COMMENT_MIN_LENGTH).toBe(1);
    expect(COMMENT_MAX_LENGTH).toBe(5000);
  });

  it.each([
    ["empty", ""],
    ["whitespace-only", " \n\t\r\n  "],
  ])("rejects %s input", (_name, input) => {
    const result = validateCommentBody(input);
    expect(result.ok).toBe(false);
  });

  it("accepts exactly 5,000 code points and trims first", () => {
    expect(validateCommentBody(`  ${"a".repeat(5000)}\n`)).toEqual({ ok: true, body: "a".repeat(5000) });
  });

  it("rejects 5,001 code points with the count in the message", () => {
    expect(validateCommentBody("a".repeat(5001))).toEqual({
      ok: false,
      problem: "too-long",
      message: "Comments can be at most 5,000 characters (this one has 5,001)",
    });
  });

  it("counts an emoji as one character", () => {
    expect(validateCommentBody("😀".repeat(5000))).toEqual({ ok: true, body: "😀".repeat(5000) });
    const over = validateCommentBody("😀".repeat(5001));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.message).toContain("(this one has 5,001)");
  });

  it.each([
    ["NUL", "a\0b"],
    ["BEL", "a\u0007b"],
    ["ESC", "a\u001bb"],
    ["vertical tab (even where trim would remove it)", "\u000bab"],
  ])("rejects %s", (_name, input) => {
    const result = validateCommentBody(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/control characters/);
  });

  it("allows tabs and newlines and normalises CRLF (and lone CR) to LF", () => {
    expect(validateCommentBody("a\r\nb\rc\td\n")).toEqual({ ok: true, body: "a\nb\nc\td" });
  });
});
