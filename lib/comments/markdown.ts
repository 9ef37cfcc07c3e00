import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toString as hastText } from "hast-util-to-string";
import type { Nodes as MdastNodes, Parent as MdastParent, Root as MdastRoot, PhrasingContent } from "mdast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { type Processor, unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { COMMENT_MAX_LENGTH, COMMENT_MIN_LENGTH } from "./limits";

// The limits live in ./limits so the browser can import them without this parser.
export { COMMENT_MAX_LENGTH, COMMENT_MIN_LENGTH };

/** Exactly the `rel` every rendered link carries: no SEO credit for spam, no `window.opener`. */
export const COMMENT_LINK_REL = "nofollow ugc noopener";
const REL_TOKENS = COMMENT_LINK_REL.split(" ");

/**
 * Outcome of checking a submitted comment: either the body to store (already normalised, so what
 * is stored is what was checked) or a message the form can show as-is.
 */
export type CommentBodyResult =
  | { ok: true; body: string }
  | { ok: false; problem: "control" | "empty" | "too-long"; message: string };

// C0 controls other than \t \n \r: invisible, and NUL in particular has tripped parsers and URL
// checks (`java\0script:`), so they are refused rather than silently stripped.
function hasForbiddenControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

/**
 * Validates raw form input before it is stored. Runs before rendering so limits are judged on what
 * the learner typed, counted the way they count (code points, after trimming), not on HTML output.
 */
export function validateCommentBody(text: string): CommentBodyResult {
  if (hasForbiddenControl(text)) {
    return {
      ok: false,
      problem: "control",
      message: "Comments can't contain control characters. Remove them and try again.",
    };
  }
  const body = text.replace(/\r\n?/g, "\n").trim();
  const length = [...body].length;
  if (length < COMMENT_MIN_LENGTH) {
    return { ok: false, problem: "empty", message: "Write something before posting your comment." };
  }
  if (length > COMMENT_MAX_LENGTH) {
    const fmt = (n: number) => n.toLocaleString("en-US");
    return {
      ok: false,
      problem: "too-long",
      message: `Comments can be at most ${fmt(COMMENT_MAX_LENGTH)} characters (this one has ${fmt(length)})`,
    };
  }
  return { ok: true, body };
}

// Absolute http and https URLs only: a comment's links go to web pages, whatever page the comment
// is shown on (no mailto:, no relative paths, whose meaning depends on where they are read).
const SAFE_HREF = /^https?:\/\//i;

/** Whether `href` (as produced by mdast-util-to-hast, i.e. already percent-encoded) may be linked. */
function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || !SAFE_HREF.test(href)) return false;
  return URL.canParse(href);
}

/**
 * Remark plugin: bare URLs (`https://…`, `www.…`) become links, as on GitHub. Only GFM's autolink
 * literals: no tables, footnotes or task lists in comments.
 */
function remarkAutolinks(this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmAutolinkLiteral()];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmAutolinkLiteralFromMarkdown()];
}

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem"]);

/**
 * Remark plugin: reduce CommonMark to the comment subset before anything becomes HTML. Raw HTML is
 * turned into literal text (a learner writing `<div>` sees `<div>`), images into links to the
 * image, headings into bold paragraphs; thematic breaks are dropped.
 */
function remarkCommentSubset() {
  return (tree: MdastRoot) => {
    visit(tree, (node: MdastNodes, index, parent: MdastParent | undefined) => {
      if (!parent || index === undefined) return;
      let replacement: MdastNodes[] | undefined;
      if (node.type === "html") {
        const text = { type: "text" as const, value: node.value };
        replacement = [FLOW_PARENTS.has(parent.type) ? { type: "paragraph", children: [text] } : text];
      } else if (node.type === "heading") {
        replacement = [{ type: "paragraph", children: [{ type: "strong", children: node.children }] }];
      } else if (node.type === "thematicBreak") {
        replacement = [];
      } else if (node.type === "image" || node.type === "imageReference") {
        const label: PhrasingContent[] = [
          { type: "text", value: node.alt || (node.type === "image" ? node.url : "image") },
        ];
        replacement = [
          node.type === "image"
            ? { type: "link", url: node.url, title: null, children: label }
            : {
                type: "linkReference",
                identifier: node.identifier,
                label: node.label,
                referenceType: node.referenceType,
                children: label,
              },
        ];
      }
      if (!replacement) return;
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      // Revisit the same index: the replacement may itself need work (e.g. raw HTML in a heading).
      return [SKIP, index];
    });
  };
}

/**
 * Rehype plugin, run before sanitising: unwrap links whose target is not allowed (keeping their
 * text), lower-case the scheme, and mark the rest as user-generated. The sanitizer re-checks all
 * of it afterwards, so a bug here degrades to a dropped attribute, never to script.
 */
function rehypeCommentLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "a" || !parent || index === undefined) return;
      const href = node.properties.href;
      if (!isSafeHref(href)) {
        parent.children.splice(index, 1, ...(node.children as ElementContent[]));
        return [SKIP, index];
      }
      // Nested anchors (an image inside a link) would be split apart by the browser's parser.
      visit(node, "element", (inner: Element, i, p) => {
        if (inner === node || inner.tagName !== "a" || !p || i === undefined) return;
        p.children.splice(i, 1, ...(inner.children as ElementContent[]));
        return [SKIP, i];
      });
      node.properties = {
        href: href.replace(/^https?:/i, (scheme) => scheme.toLowerCase()),
        rel: [...REL_TOKENS],
      };
      // Where a link goes is never hidden behind its words: the host follows unless they show it.
      const host = new URL(href).host;
      if (!hastText(node).toLowerCase().includes(host.toLowerCase())) {
        parent.children.splice(index + 1, 0, { type: "text", value: ` (${host})` });
        return [SKIP, index + 2];
      }
    });
  };
}

/**
 * A code block scrolls sideways instead of widening the page, so keyboard users must be able to
 * focus it to scroll (axe: scrollable-region-focusable). Runs after the sanitizer and adds one
 * fixed attribute, never anything taken from the comment.
 */
function rehypeFocusableCode() {
  return (tree: import("hast").Root) => {
    const visit = (node: import("hast").Root | import("hast").Element) => {
      for (const child of node.children)
        if (child.type === "element") {
          if (child.tagName === "pre") child.properties = { ...child.properties, tabIndex: 0 };
          visit(child);
        }
    };
    visit(tree);
  };
}

/**
 * Allow-list for the final pass. Starts from the GitHub-style default but keeps only the tags the
 * subset produces and only `href`/`rel` on links: no class, id, style, title or list `start`.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: ["p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "br"],
  attributes: {
    a: [
      ["href", SAFE_HREF],
      ["rel", ...REL_TOKENS],
    ],
  },
  protocols: { href: ["http", "https"] },
  ancestors: { li: ["ol", "ul"] },
  // Backstop: even a link the plugin above somehow missed still leaves with the full `rel`.
  required: { a: { rel: [...REL_TOKENS] } },
  clobber: [],
  clobberPrefix: "",
  strip: ["script", "style"],
  allowComments: false,
  allowDoctypes: false,
};

// Built once: plugins are attached and frozen here, so each render only parses and serialises.
// No `allowDangerousHtml` anywhere, and sanitize is the last transform before stringify.
const processor = unified()
  .use(remarkParse)
  .use(remarkAutolinks)
  .use(remarkCommentSubset)
  .use(remarkRehype)
  .use(rehypeCommentLinks)
  .use(rehypeSanitize, schema)
  .use(rehypeFocusableCode)
  .use(rehypeStringify)
  .freeze();

// Containers opened on one line cost super-linear time in micromark and the tree utilities (2,500
// `- ` take seconds, 3,000 `>` overflow the stack). Past this many, the next marker is escaped
// with a backslash so the rest of the line reads as text. No real comment nests this deep.
const MAX_LINE_CONTAINERS = 20;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

function limitNesting(line: string): string {
  CONTAINER_MARKER.lastIndex = 0;
  for (let depth = 0; CONTAINER_MARKER.exec(line); depth++) {
    if (depth < MAX_LINE_CONTAINERS) continue;
    const at = CONTAINER_MARKER.lastIndex - 1;
    return `${line.slice(0, at)}\\${line.slice(at)}`;
  }
  return line;
}

/** Last resort: the body as escaped plain text, built without any tree so it cannot recurse. */
function plainTextFallback(text: string): string {
  const escaped = text.replace(/&/g, "&#x26;").replace(/</g, "&#x3C;").replace(/>/g, "&#x3E;");
  return escaped.trim() === "" ? "" : `<p>${escaped}</p>`;
}

/**
 * Renders a stored comment body to HTML that is safe to inject with `dangerouslySetInnerHTML`.
 * Synchronous so a server component can call it inline; it does not validate length, so run
 * `validateCommentBody` on input first. Nesting is capped (see above); should the parser still
 * fail (the unified utilities recurse per level), that one comment renders as escaped plain text
 * rather than taking the whole page down.
 */
export function renderCommentMarkdown(text: string): string {
  // Stored bodies were validated; anything far longer came in some other way and is not parsed.
  if (text.length > 2 * COMMENT_MAX_LENGTH) return plainTextFallback(text);
  try {
    return String(processor.processSync(text.split("\n").map(limitNesting).join("\n")));
  } catch {
    return plainTextFallback(text);
  }
}
