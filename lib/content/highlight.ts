import type { Element, ElementContent, Root } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import rehypeStringify from "rehype-stringify";
import { createHighlighter, type Highlighter } from "shiki";
import { unified } from "unified";
import { type CodeColour, codeColourClass } from "./code-colours";
import { type CodeMeta, classifyLines, showsLineNumbers } from "./code-meta";
import { blend, ensureContrast } from "./contrast";
import { FENCE_LANGUAGES, type FenceLanguage, SHIKI_LANGUAGES } from "./languages";

export const CODE_THEMES = { light: "github-light", dark: "github-dark" } as const;

const globalForShiki = globalThis as unknown as { lecternShiki?: Promise<Highlighter> };

/** The one highlighter of this process, with only the course's grammars loaded. */
export function getHighlighter(): Promise<Highlighter> {
  globalForShiki.lecternShiki ??= createHighlighter({
    themes: Object.values(CODE_THEMES),
    langs: [...SHIKI_LANGUAGES],
  });
  return globalForShiki.lecternShiki;
}

/**
 * Every background a token can sit on (plain, highlighted, inserted, removed line), per theme;
 * these mirror --code-bg, --mark, --ins and --del in app/globals.css.
 */
const BACKGROUNDS = {
  light: [
    "#FFFFFF",
    blend("#2F6FDB", 0.12, "#FFFFFF"),
    blend("#1A7F37", 0.14, "#FFFFFF"),
    blend("#CF222E", 0.12, "#FFFFFF"),
  ],
  dark: [
    "#0D1117",
    blend("#5D95EA", 0.18, "#0D1117"),
    blend("#2EA043", 0.2, "#0D1117"),
    blend("#F85149", 0.18, "#0D1117"),
  ],
};

const adjusted = new Map<string, string>();

/**
 * A token's Shiki declarations with each theme colour raised to WCAG AA (4.5:1) on every line
 * background if needed, colours upper-cased so equal styles are equal strings.
 */
function readable(style: string): string {
  return style.replace(
    /--shiki-(light|dark):(#[0-9a-fA-F]{3,8})/g,
    (_m, theme: "light" | "dark", hex: string) => {
      const key = `${theme}${hex}`;
      let fixed = adjusted.get(key);
      if (!fixed) {
        fixed = ensureContrast(hex, BACKGROUNDS[theme]).toUpperCase();
        adjusted.set(key, fixed);
      }
      return `--shiki-${theme}:${fixed}`;
    },
  );
}

/** The declarations of plain text (each theme's foreground): code blocks default to them. */
export async function plainCodeColours(): Promise<string> {
  const highlighter = await getHighlighter();
  const fg = (theme: string) => highlighter.getTheme(theme).fg;
  return readable(`--shiki-light:${fg(CODE_THEMES.light)};--shiki-dark:${fg(CODE_THEMES.dark)}`);
}

/**
 * A line's tokens with plain-coloured tokens (no class) reduced to their text, since the line
 * itself has the plain colours, and adjacent tokens of one class (or adjacent text) merged.
 */
export function mergeTokens(tokens: ElementContent[]): ElementContent[] {
  const runs: { className?: string; text: string }[] = [];
  for (const token of tokens) {
    const className =
      token.type === "element" ? (token.properties.className as string[] | undefined)?.join(" ") : undefined;
    const text = token.type === "comment" ? "" : hastToString(token);
    const last = runs.at(-1);
    if (last && last.className === className) last.text += text;
    else runs.push({ className, text });
  }
  return runs.map(
    ({ className, text }): ElementContent =>
      className
        ? {
            type: "element",
            tagName: "span",
            properties: { className: [className] },
            children: [{ type: "text", value: text }],
          }
        : { type: "text", value: text },
  );
}

/**
 * The gutter of a diff line: a +/− sign that is seen (not read out, not copied) and, on changed
 * lines, words for screen readers, since colour and the sign alone say nothing to them.
 */
function diffGutter(kind: "ins" | "del" | null): ElementContent[] {
  const span = (className: string, text: string, hidden: boolean): ElementContent => ({
    type: "element",
    tagName: "span",
    properties: { className: [className], ...(hidden ? { "aria-hidden": "true" } : {}) },
    children: [{ type: "text", value: text }],
  });
  const sign = span("diff-sign", kind === "ins" ? "+" : kind === "del" ? "−" : " ", true);
  if (!kind) return [sign];
  return [sign, span("sr-only", kind === "ins" ? "Added line: " : "Removed line: ", false)];
}

export type HighlightedBlock = {
  /** The block's `<code>` element as HTML, for the `<pre>` that CodeBlock renders. */
  html: string;
  lineNumbers: boolean;
  lineCount: number;
  /** The token classes the block uses (see code-colours.ts). */
  colours: CodeColour[];
};

// Unquoted attribute values where HTML allows them (class=line): the HTML travels twice, in
// the page and as a string in the RSC payload.
const toHtml = unified().use(rehypeStringify, {
  preferUnquoted: true,
  collapseEmptyAttributes: true,
  characterReferences: { useShortestReferences: true },
});

/**
 * Highlights a fenced block on the server into the HTML of a <code> with one `.line` per line,
 * carrying highlight/diff marks, prompts and output flags as data attributes. Each token's
 * colours for both themes are a class (app/code-colours.css sets --shiki-light/--shiki-dark),
 * so the site theme switches them without client code and no token carries a style.
 */
export async function highlightBlock(
  code: string,
  lang: FenceLanguage,
  meta: CodeMeta,
): Promise<HighlightedBlock> {
  const highlighter = await getHighlighter();
  const lines = classifyLines(code, lang);
  const lineNumbers = showsLineNumbers(lines, meta);
  const plain = await plainCodeColours();
  // A diff gets a gutter on every line, so that signs and code line up.
  const diff = meta.ins.size > 0 || meta.del.size > 0;
  const colours = new Map<string, string>();
  const root: Root = highlighter.codeToHast(lines.map((l) => l.text).join("\n"), {
    lang: FENCE_LANGUAGES[lang],
    themes: CODE_THEMES,
    defaultColor: false,
    // Shiki stops tokenizing a line after 500 ms by default, so on a busy machine (a grammar's
    // first line compiles its regexes) the colours, and app/code-colours.css, depended on load.
    // The preview's compiles run on a thread that is stopped after 5 s anyway.
    tokenizeTimeLimit: 0,
    transformers: [
      {
        span(node) {
          const { style } = node.properties;
          delete node.properties.style;
          if (typeof style !== "string") return;
          const declarations = readable(style);
          if (declarations === plain) return;
          const className = codeColourClass(declarations);
          colours.set(className, declarations);
          node.properties.className = [className];
        },
        line(node, n) {
          const info = lines[n - 1];
          node.properties = { className: ["line"] };
          if (meta.highlight.has(n)) node.properties["data-highlighted"] = "";
          if (meta.ins.has(n)) node.properties["data-diff"] = "ins";
          if (meta.del.has(n)) node.properties["data-diff"] = "del";
          node.children = mergeTokens(node.children);
          if (!info) return;
          if (info.kind === "output") {
            // Only output lines are told apart (styled, left out of copies); their text is plain.
            node.properties["data-kind"] = "output";
            node.children = [{ type: "text", value: info.text }];
          }
          if (diff)
            node.children.unshift(...diffGutter(meta.ins.has(n) ? "ins" : meta.del.has(n) ? "del" : null));
          if (info.prompt) {
            const prompt: ElementContent = {
              type: "element",
              tagName: "span",
              properties: { className: ["code-prompt"], "aria-hidden": "true" },
              children: [{ type: "text", value: info.prompt }],
            };
            node.children.unshift(prompt);
          }
        },
      },
    ],
  });
  const pre = root.children.find((c): c is Element => c.type === "element" && c.tagName === "pre");
  const element = pre?.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  if (!element) throw new Error("Shiki returned no <pre><code>");
  element.properties = {};
  return {
    html: toHtml.stringify({ type: "root", children: [element] }),
    lineNumbers,
    lineCount: lines.length,
    colours: [...colours].map(([className, declarations]) => ({ className, declarations })),
  };
}
