import { describe, expect, it } from "vitest";
import { compileLesson, compilerBoilerplate } from "@/lib/content/compile";
import { lessonTreeFromCompiled } from "@/lib/content/compiled-to-tree";
import { elementProblems, lessonElements } from "@/lib/content/lesson-tree";
import { bundleWithoutGuard } from "../support/mdx";

// The second layer on its own: if an author got code past the guard (remark-guard.ts), the
// compiled output is still refused, because it is parsed and accepted only in the shape the MDX
// compiler emits for pure content. Each case is compiled exactly as the pipeline compiles, minus
// the guard, and must be refused at the element it sits in.

const head = "---\ntitle: T\n---\n\n";
/** The first body line is line 5 of the file. */
const convert = async (body: string) =>
  lessonTreeFromCompiled(await bundleWithoutGuard(head + body), await compilerBoilerplate());

describe("the compiled output is verified before anything uses it", () => {
  it("accepts pure content compiled the same way, as data", async () => {
    const result = await convert(
      'Press <kbd title="K key">K</kbd> and read **this**.\n\n<Callout type="tip">Hi</Callout>\n',
    );
    expect(result).toEqual({
      ok: true,
      tree: [
        {
          name: "p",
          children: [
            "Press ",
            { name: "kbd", props: { title: "K key" }, children: ["K"] },
            " and read ",
            { name: "strong", children: ["this"] },
            ".",
          ],
        },
        "\n",
        { name: "Callout", props: { type: "tip" }, children: ["Hi"] },
      ],
    });
  });

  const cases: [string, string, RegExp][] = [
    [
      "an expression in an attribute (repro 1)",
      'Press <kbd title={typeof process + " pid=" + process.pid}>K</kbd>',
      /^5:7 an expression \(BinaryExpression\) as the value of <kbd> title$/,
    ],
    [
      "a spread of dangerouslySetInnerHTML (repro 2)",
      "x<sup {...{dangerouslySetInnerHTML:{__html:'<b>x</b>'}}} />",
      /^5:2 an object as the value of <sup> dangerouslySetInnerHTML$/,
    ],
    ["an identifier in text", "Hello {name}", /^5:1 the identifier name where text or an element belongs$/],
    [
      "a call in flow",
      "{globalThis.fetch('https://example.org')}",
      /^1:1 a function call where text or an element belongs$/,
    ],
    [
      "an arrow function",
      "<Callout title={() => 1}>x</Callout>",
      /^5:1 a function as the value of <Callout> title$/,
    ],
    [
      "a template literal with a substitution",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the author's template literal, as written in MDX
      "<Callout title={`${process.env.HOME}`}>x</Callout>",
      /^5:1 a template literal with substitutions as the value of <Callout> title$/,
    ],
    ["an object", "<Callout title={{ a: 1 }}>x</Callout>", /^5:1 an object as the value of <Callout> title$/],
    [
      "nested JSX as a value",
      "<Callout title={<b>x</b>}>x</Callout>",
      /^5:1 a function call as the value of <Callout> title$/,
    ],
    [
      "an export",
      "export const x = process.pid\n\nText",
      /^1:1 a statement the MDX compiler does not emit for content/,
    ],
    ["an unknown tag", "<script>alert(1)</script>", /^5:1 <script> \(author\) may not appear in a lesson$/],
    ["an unknown component", "<Evil />", /^5:1 <Evil> may not appear in a lesson$/],
    [
      "an event handler",
      '<abbr onClick="alert(1)">x</abbr>',
      /^5:1 <abbr> \(author\) may not carry the attribute "onClick"$/,
    ],
    [
      "a style string",
      '<abbr title="t" style="color:red">x</abbr>',
      /^5:1 <abbr> \(author\) may not carry the attribute "style"$/,
    ],
    [
      "a pipeline component written by hand",
      '<CodeBlock lang="sh" label="x" html="<img src=x onerror=alert(1)>" />',
      /^5:1 <CodeBlock> attribute "html" holds HTML other than highlighted code$|is not a highlighted/,
    ],
    ["a void tag with content", "<br>x</br>", /^5:1 <br> \(author\) is always empty/],
  ];
  for (const [name, body, expected] of cases) {
    it(`refuses ${name}, located`, async () => {
      const result = await convert(body);
      expect(result.ok).toBe(false);
      const found = result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
      expect(
        found.some((p) => expected.test(p)),
        found.join("\n"),
      ).toBe(true);
    });
  }

  it("refuses code that is not mdx-bundler's module at all", async () => {
    const boilerplate = await compilerBoilerplate();
    for (const code of [
      "process.exit(1)",
      "return 1",
      "var Component = (() => { fetch('x') })(); return Component;",
    ])
      expect(lessonTreeFromCompiled(code, boilerplate).ok, code).toBe(false);
  });
});

describe("the compiled lesson holds only data", () => {
  it("every element of every compiled lesson is listed, with literal attributes", async () => {
    const result = await compileLesson(
      `---\ntitle: A lesson of data\npart: 1\nslug: data\nsummary: A lesson whose tree must hold only listed elements.\nobjectives: [Stay data]\nupdated: 2026-11-27\n---\n\n## A\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n\`\`\`quiz\nid: q\nquestions:\n  - id: a\n    type: truefalse\n    prompt: Yes?\n    answer: true\n    explanation: A secret explanation\n\`\`\`\n`,
      "data.mdx",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tree = result.lesson.tree;
    for (const element of lessonElements(tree)) expect(elementProblems(element), element.name).toEqual([]);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
    expect(JSON.stringify(tree)).not.toContain("A secret explanation");
    expect(JSON.stringify(tree)).not.toContain('"answer"');
  });
});
