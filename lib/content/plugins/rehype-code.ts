import type { Element, Root } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { parseCodeMeta } from "../code-meta";
import { highlightBlock } from "../highlight";
import { isFenceLanguage, languageLabel, SUPPORTED_LANGUAGES_HINT } from "../languages";
import { type Collector, startOf } from "./collector";

type Attr = { type: "mdxJsxAttribute"; name: string; value: string | null };
const attr = (name: string, value: string | null): Attr => ({ type: "mdxJsxAttribute", name, value });

/**
 * Highlights every fenced code block on the server (Shiki) and replaces it by a <CodeBlock>
 * carrying the highlighted HTML, title, language label and line-number flag. Unknown
 * languages are errors.
 */
export function rehypeCode(collector: Collector) {
  return () => async (tree: Root) => {
    const jobs: Promise<void>[] = [];
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "pre" || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
      if (!code) return;
      const at = startOf(node);
      const classes = (code.properties.className as string[] | undefined) ?? [];
      const lang = classes.find((c) => c.startsWith("language-"))?.slice("language-".length) ?? "";
      const metaText = (code.data as { meta?: string } | undefined)?.meta ?? "";
      const text = hastToString(code).replace(/\n$/, "");
      const meta = parseCodeMeta(metaText);
      for (const word of meta.unknown) {
        collector.error(
          at,
          "code-meta",
          `Unknown code block option "${word}"`,
          'Use title="…", {1,3-5}, ins={…}, del={…}, showLineNumbers, noLineNumbers, antipattern or excerpt',
        );
      }
      if (!lang) {
        collector.error(
          at,
          "code-language",
          "Code block has no language",
          "Add one after the ``` (e.g. ```dockerfile), or ```text for plain text",
        );
        return;
      }
      if (!isFenceLanguage(lang)) {
        collector.error(
          at,
          "code-language",
          `Unknown code block language "${lang}"`,
          SUPPORTED_LANGUAGES_HINT,
        );
        return;
      }
      const lineCount = text.split("\n").length;
      for (const n of [...meta.highlight, ...meta.ins, ...meta.del]) {
        if (n > lineCount)
          collector.error(at, "code-meta", `Line ${n} is marked but the block has ${lineCount} lines`);
      }
      if (at)
        collector.codeBlocks.push({
          ...at,
          lang,
          title: meta.title,
          code: text,
          antipattern: meta.antipattern,
          excerpt: meta.excerpt,
        });
      jobs.push(
        highlightBlock(text, lang, meta).then(({ html, lineNumbers, colours }) => {
          for (const colour of colours)
            if (at && !collector.codeColours.some((c) => c.className === colour.className))
              collector.codeColours.push({ ...at, ...colour });
          // The highlighted HTML is one string prop, not a tree of JSX elements: the RSC payload
          // carries it compactly and React hydrates no element inside the <pre>.
          const attributes = [attr("lang", lang), attr("label", languageLabel(lang)), attr("html", html)];
          if (meta.title) attributes.push(attr("title", meta.title));
          if (lineNumbers) attributes.push(attr("lineNumbers", "true"));
          if (meta.antipattern) attributes.push(attr("antipattern", "true"));
          const wrapper = {
            type: "mdxJsxFlowElement",
            name: "CodeBlock",
            attributes,
            children: [],
            position: node.position,
          };
          parent.children[index] = wrapper as unknown as Element;
        }),
      );
    });
    await Promise.all(jobs);
  };
}
