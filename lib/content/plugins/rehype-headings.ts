import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import type { LessonComponentName } from "../components";
import { type Collector, startOf } from "./collector";

/** Components whose content is not prose (search and the word count leave them out). */
const SKIP_FOR_TEXT: ReadonlySet<string> = new Set<LessonComponentName>([
  "CodeBlock",
  "Quiz",
  "SizeCalculator",
  "StageExplorer",
]);

function isHeading(node: RootContent): node is Element {
  return node.type === "element" && /^h[1-6]$/.test(node.tagName);
}

/** The id of a <Quiz> element made by remark-quiz (its `quiz` attribute is the public quiz as JSON). */
function quizIdOf(node: RootContent): string | null {
  const attributes = (node as { attributes?: { name?: string; value?: unknown }[] }).attributes ?? [];
  const value = attributes.find((a) => a.name === "quiz")?.value;
  try {
    return typeof value === "string" ? ((JSON.parse(value) as { id?: string }).id ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Gives `##` and `###` headings stable ids (GitHub's slug rules) with a link to themselves,
 * records them for the table of contents, splits the text into sections for search, and notes
 * the section each quiz sits in (a review card links back to it).
 */
export function rehypeHeadings(collector: Collector) {
  return () => (tree: Root) => {
    const slugger = new GithubSlugger();
    let section = { id: null as string | null, heading: "", text: [] as string[] };
    const flush = () => {
      const text = section.text.join(" ").replace(/\s+/g, " ").trim();
      if (text || section.id) collector.sections.push({ id: section.id, heading: section.heading, text });
    };
    for (const node of tree.children) {
      if (isHeading(node)) {
        const depth = Number(node.tagName[1]);
        const text = hastToString(node).trim();
        if (depth === 1) {
          collector.error(
            startOf(node),
            "headings",
            "Lessons start their sections at ##",
            "The page title comes from the frontmatter; use ## here",
          );
          continue;
        }
        const id = slugger.slug(text);
        node.properties.id = id;
        if (depth === 2 || depth === 3) {
          collector.headings.push({ depth, id, text });
          const anchor: ElementContent = {
            type: "element",
            tagName: "a",
            properties: {
              className: ["heading-anchor"],
              href: `#${id}`,
              "aria-label": `Link to section “${text}”`,
            },
            children: [{ type: "text", value: "#" }],
          };
          node.children.push(anchor);
          flush();
          section = { id, heading: text, text: [] };
        }
        continue;
      }
      const name = (node as { name?: string }).name;
      if (name === "Quiz") {
        const id = quizIdOf(node);
        if (id) collector.quizSections[id] = section.id;
      }
      if (name && SKIP_FOR_TEXT.has(name)) continue;
      const text = hastToString(node as unknown as Element);
      if (text.trim()) section.text.push(text);
    }
    flush();
    collector.wordCount = collector.sections.reduce(
      (n, s) => n + s.text.split(/\s+/).filter(Boolean).length,
      0,
    );
  };
}
