import type { Element, ElementContent, Root } from "hast";
import { createHighlighter, type Highlighter } from "shiki";
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

/** Raises a theme colour's contrast to WCAG AA (4.5:1) on every line background, if needed. */
function readable(style: string): string {
  return style.replace(
    /--shiki-(light|dark):(#[0-9a-fA-F]{3,8})/g,
    (_m, theme: "light" | "dark", hex: string) => {
      const key = `${theme}${hex}`;
      let fixed = adjusted.get(key);
      if (!fixed) {
        fixed = ensureContrast(hex, BACKGROUNDS[theme]);
        adjusted.set(key, fixed);
      }
      return `--shiki-${theme}:${fixed}`;
    },
  );
}

export type HighlightedBlock = { pre: Element; lineNumbers: boolean; lineCount: number };

/**
 * Highlights a fenced block on the server into a <pre> tree with one `.line` per line,
 * carrying highlight/diff marks, prompts and output flags as data attributes. Colours are
 * CSS variables for both themes, so the site theme switches them without client code.
 */
export async function highlightBlock(
  code: string,
  lang: FenceLanguage,
  meta: CodeMeta,
): Promise<HighlightedBlock> {
  const highlighter = await getHighlighter();
  const lines = classifyLines(code, lang);
  const lineNumbers = showsLineNumbers(lines, meta);
  const root: Root = highlighter.codeToHast(lines.map((l) => l.text).join("\n"), {
    lang: FENCE_LANGUAGES[lang],
    themes: CODE_THEMES,
    defaultColor: false,
    transformers: [
      {
        span(node) {
          if (typeof node.properties.style === "string")
            node.properties.style = readable(node.properties.style);
        },
        line(node, n) {
          const info = lines[n - 1];
          node.properties["data-line"] = n;
          if (meta.highlight.has(n)) node.properties["data-highlighted"] = "";
          if (meta.ins.has(n)) node.properties["data-diff"] = "ins";
          if (meta.del.has(n)) node.properties["data-diff"] = "del";
          if (!info) return;
          node.properties["data-kind"] = info.kind;
          if (info.kind === "output") {
            node.children = [{ type: "text", value: info.text }];
          }
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
  if (!pre) throw new Error("Shiki returned no <pre>");
  pre.properties = {
    className: ["shiki"],
    tabIndex: 0,
    "data-language": lang,
    ...(lineNumbers ? { "data-line-numbers": "" } : {}),
  };
  return { pre, lineNumbers, lineCount: lines.length };
}
