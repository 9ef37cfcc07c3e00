import fc from "fast-check";
import type { Element, Root } from "hast";
import { toString as hastText } from "hast-util-to-string";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { COMMENT_LINK_REL, renderCommentMarkdown } from "@/lib/comments/markdown";

// Property: whatever a learner types, the stored HTML — read by a real HTML5 parser, as a browser
// reads it — holds only the allowed elements, only href and rel on links, and only http(s) hrefs.

const ALLOWED = new Set(["p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br"]);
const parser = unified().use(rehypeParse, { fragment: true });

function elementsOf(html: string): Element[] {
  const tree = parser.parse(html) as Root;
  const found: Element[] = [];
  visit(tree, "element", (node: Element) => {
    found.push(node);
  });
  return found;
}

/** Pieces that have broken sanitizers before, mixed with arbitrary text. */
const tricky = fc.constantFrom(
  "javascript:alert(1)",
  "JaVaScRiPt:x",
  "java\tscript:x",
  "&#106;avascript:x",
  "data:text/html,<script>x</script>",
  "vbscript:x",
  "mailto:a@b.example",
  "//evil.example",
  "/\\evil.example",
  "/courses/docker",
  "#top",
  "HTTPS://EXAMPLE.COM/",
  "http://",
  "https://",
  "www.",
  "<a href='https://x.example'>",
  '<img src=x onerror="alert(1)">',
  "<script>",
  "</p>",
  "<",
  ">",
  "[",
  "](",
  ")",
  "![",
  "<https://",
  "`",
  "```",
  "**",
  "> ",
  "- ",
  '"',
  "'",
  "\n",
  "\n\n",
  " ",
);
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), tricky, fc.string());
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 3, arbitrary: tricky },
  { weight: 2, arbitrary: fc.webUrl() },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), url).map(([t, u]) => `[${t}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), url).map(([t, u]) => `![${t}](${u})`) },
  { weight: 1, arbitrary: url.map((u) => `<${u}>`) },
);
const commentText = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(""));

describe("comment links (property)", () => {
  it("no comment text yields a non-http(s) href, or an element or attribute outside the allow-list", () => {
    fc.assert(
      fc.property(commentText, (text) => {
        for (const el of elementsOf(renderCommentMarkdown(text))) {
          expect(ALLOWED.has(el.tagName), `<${el.tagName}> from ${JSON.stringify(text)}`).toBe(true);
          const names = Object.keys(el.properties).sort();
          if (el.tagName === "pre") {
            // Focusable so a keyboard can scroll it: the one fixed attribute the renderer adds.
            expect(el.properties, "attributes on <pre>").toEqual({ tabIndex: 0 });
            continue;
          }
          if (el.tagName !== "a") {
            expect(names, `attributes on <${el.tagName}>`).toEqual([]);
            continue;
          }
          expect(names).toEqual(["href", "rel"]);
          expect((el.properties.rel as string[]).join(" ")).toBe(COMMENT_LINK_REL);
          const href = String(el.properties.href);
          expect(href).toMatch(/^https?:\/\//);
          expect(["http:", "https:"]).toContain(new URL(href).protocol);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("every link shows the host it goes to", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.webUrl(), (label, target) => {
        const html = renderCommentMarkdown(`[${label}](${target})`);
        const links = elementsOf(html).filter((el) => el.tagName === "a");
        for (const a of links) {
          const host = new URL(String(a.properties.href)).host;
          // The host is in the link's words or right after them: in the text a reader sees.
          const text = hastText(parser.parse(html) as Root).toLowerCase();
          expect(text.includes(host.toLowerCase()), `${host} in ${html}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
