// The page side of the stage explorer: the lesson's Dockerfile code blocks as examples, and
// line positions in the textarea. DOM reading only; no analyzer here.

import { codeBlockText, codeBlockTitle } from "@/components/mdx/code-text";

/** A Dockerfile code block on the page, offered in the explorer's example list. */
export type Example = { id: string; title: string; text: string; figure: Element };

function headingText(heading: Element): string {
  return [...heading.childNodes]
    .filter((n) => !(n instanceof HTMLElement && n.classList.contains("heading-anchor")))
    .map((n) => n.textContent ?? "")
    .join("")
    .trim();
}

/** The lesson's Dockerfile code blocks, in page order, named by title and the section they are in. */
export function readExamples(): Example[] {
  const examples: Example[] = [];
  let section = "";
  for (const el of document.querySelectorAll("h2, h3, figure[data-code-block]")) {
    if (el.tagName !== "FIGURE") {
      // Lesson headings carry a self-link; widget headings don't name a section.
      if (el.querySelector(".heading-anchor")) section = headingText(el);
      continue;
    }
    const lang = el.getAttribute("data-lang");
    if (lang !== "dockerfile" && lang !== "docker") continue;
    const title = codeBlockTitle(el);
    examples.push({
      id: `example-${examples.length}`,
      title: section ? `${title} — ${section}` : title,
      text: codeBlockText(el),
      figure: el,
    });
  }
  return examples;
}

/** Character range of a 1-based line, for selecting it in the textarea. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf("\n", start);
    if (next === -1) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end === -1 ? text.length : end];
}
