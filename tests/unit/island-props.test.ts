import fc from "fast-check";
import type { Element, ElementContent, Root } from "hast";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { IslandPropsScript } from "@/components/islands/island";
import { scriptJson } from "@/components/islands/island-props";

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
