import fc from "fast-check";
import type { Element, ElementContent, Root } from "hast";
import { toString as hastText } from "hast-util-to-string";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { IslandPropsScript } from "@/components/islands/island";
import { scriptJson } from "@/components/islands/island-props";
import { type InlineNode, InlineText, inlineSource } from "@/components/quiz/inline-text";
import { packQuizProps, type QuizIslandProps } from "@/components/quiz/quiz-text";
import type { PublicQuiz } from "@/lib/content/quiz-schema";

// An island's props travel in the page as a `<script type="application/json">` (issue 17: not an
// attribute full of &quot;). Lesson text is author input and reaches these props (quiz prompts,
// code), so: whatever the props hold, the HTML parser (the spec's, parse5) must see one script
// whose text reads back as the same value, and the markup after it must stay markup.

/** Strings built from the pieces that end a script, open comments or confuse a parser. */
const tricky = fc.string({
  unit: fc.constantFrom(
    "<",
    ">",
    "/",
    "</script>",
    "</SCRIPT ",
    "<script>",
    "<!--",
    "-->",
    "<!-- <script>",
    "]]>",
    "&quot;",
    '"',
    "'",
    "\\",
    "\u2028",
    "\u2029",
    "\u0000",
    "a",
    " ",
    "\n",
  ),
});
const props = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(tricky, fc.oneof(tricky, fc.array(tricky), fc.dictionary(tricky, tricky))),
);

const elements = (nodes: (ElementContent | Root["children"][number])[]) =>
  nodes.filter((n): n is Element => n.type === "element");

describe("island props in a JSON script", () => {
  it("read back as the same value and never end the script early, whatever they hold", () => {
    fc.assert(
      fc.property(props, fc.boolean(), (value, inline) => {
        const script = renderToStaticMarkup(createElement(IslandPropsScript, { props: value }));
        const wrapper = inline ? "span" : "div";
        const html = `<${wrapper} id="island">${script}<i id="inside"></i></${wrapper}><p id="after"></p>`;
        const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
        const [island, after, ...rest] = elements(tree.children);
        expect(rest).toEqual([]);
        expect(after?.properties.id).toBe("after");
        expect(island?.properties.id).toBe("island");
        const [parsed, inside, ...more] = elements(island!.children);
        expect(more).toEqual([]);
        expect(inside?.properties.id).toBe("inside");
        expect(parsed?.tagName).toBe("script");
        expect(parsed?.properties.type).toBe("application/json");
        const text = parsed!.children.map((c) => (c.type === "text" ? c.value : "")).join("");
        expect(text).toBe(scriptJson(value));
        expect(text).not.toMatch(/</);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it("hold no `<` at all, so not one of `</script` or `<!--` in any case", () => {
    expect(scriptJson({ text: "</script><script>alert(1)</script><!--" })).toBe(
      '{"text":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u003c!--"}',
    );
  });
});

// The quiz island's page carries no question text (issue 17: it was there twice, in the no-JS
// form and in the props); the browser reads it back from the form's HTML. That must give back
// exactly what the author wrote, inline `code` and **bold** included.

const inline = fc.string({
  unit: fc.constantFrom(
    "`",
    "**",
    "*",
    "a",
    "b",
    " ",
    "\n",
    "<",
    ">",
    "&",
    "&amp;",
    '"',
    "é",
    "\u2028",
    "😀",
  ),
});

/** The parsed HTML of a prompt as DOM-like nodes (what unpackQuizProps hands inlineSource). */
function renderedNodes(text: string): InlineNode[] {
  const html = renderToStaticMarkup(createElement("span", null, createElement(InlineText, { text })));
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const [span] = elements(tree.children);
  return span!.children.flatMap((node): InlineNode[] =>
    node.type === "text"
      ? [{ nodeType: 3, nodeName: "#text", nodeValue: node.value, textContent: node.value }]
      : node.type === "element"
        ? [
            {
              nodeType: 1,
              nodeName: node.tagName.toUpperCase(),
              nodeValue: null,
              textContent: hastText(node),
            },
          ]
        : [{ nodeType: 8, nodeName: "#comment", nodeValue: "", textContent: "" }],
  );
}

const quiz = (prompt: string): PublicQuiz => ({
  id: "q",
  title: "Check </script> yourself",
  passPercent: 70,
  version: "v1",
  maxScore: 4,
  questions: [
    { id: "one", type: "single", prompt, points: 1, choices: [{ id: "a", text: "`FROM` **twice**" }] },
    { id: "two", type: "order", prompt: "Order", points: 1, items: [{ id: "x", text: "first" }] },
    { id: "three", type: "numeric", prompt: "How many?", points: 1, unit: "MB" },
    { id: "four", type: "truefalse", prompt: "True?", points: 1 },
  ],
});
const quizProps = (prompt: string): QuizIslandProps => ({ quiz: quiz(prompt), course: "c", lesson: "l" });

describe("a quiz's text, read back from its HTML", () => {
  it("is what the author wrote, whatever inline code and bold it holds", () => {
    fc.assert(
      fc.property(inline, (text) => {
        expect(inlineSource(renderedNodes(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("is not in the island's props: only ids, points and settings travel", () => {
    const packed = JSON.stringify(packQuizProps(quizProps("Which `stage` is **the image**?")));
    for (const text of ["Check", "stage", "FROM", "Order", "first", "How many", "True?"])
      expect(packed).not.toContain(text);
    expect(JSON.parse(packed)).toEqual({
      course: "c",
      lesson: "l",
      quiz: {
        id: "q",
        passPercent: 70,
        version: "v1",
        maxScore: 4,
        questions: [
          { id: "one", type: "single", points: 1, choices: ["a"] },
          { id: "two", type: "order", points: 1, items: ["x"] },
          { id: "three", type: "numeric", points: 1, unit: "MB" },
          { id: "four", type: "truefalse", points: 1 },
        ],
      },
    });
  });

  it("travels whole when the HTML parser would change it (a carriage return or NUL)", () => {
    for (const prompt of ["Line one\r\nline two", "nul \u0000 here"])
      expect(packQuizProps(quizProps(prompt))).toEqual(quizProps(prompt));
  });
});
