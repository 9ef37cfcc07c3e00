import { describe, expect, it } from "vitest";
import { compileLesson } from "@/lib/content/compile";
import { FENCE_LANGUAGES } from "@/lib/content/languages";

const frontmatter = `---
title: A test lesson
part: 1
slug: test-lesson
summary: A summary long enough to satisfy the schema.
objectives:
  - Learn something
updated: 2026-11-27
---
`;

const compile = (body: string, fm = frontmatter) => compileLesson(fm + body, "lesson.mdx");

describe("frontmatter", () => {
  it("names the file, line and field of a wrong value", async () => {
    const result = await compile("\n## A\n", frontmatter.replace("part: 1", "part: one"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const d = result.diagnostics.find((x) => x.rule === "frontmatter")!;
    expect(d).toMatchObject({ file: "lesson.mdx", line: 3 });
    expect(d.message).toMatch(/"part"/);
  });

  it("reports a missing field and an unknown key with their lines", async () => {
    const fm = frontmatter.replace("updated: 2026-11-27\n", "updatd: 2026-11-27\n");
    const result = await compile("\n## A\n", fm);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toContain('8: Unknown frontmatter key "updatd"');
    expect(messages.some((m) => m.includes('missing "updated"'))).toBe(true);
  });

  it("rejects a date that is not YYYY-MM-DD", async () => {
    const result = await compile("\n## A\n", frontmatter.replace("2026-11-27", "27/11/2026"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.message).toMatch(/YYYY-MM-DD/);
  });
});

describe("code blocks", () => {
  it("an unknown fence language is an error at its line", async () => {
    const result = await compile("\n## A\n\n```dockerfil\nFROM x\n```\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: "code-language",
        line: 13,
        message: 'Unknown code block language "dockerfil"',
      }),
    ]);
  });

  it("the hint after an unknown language names every language an author may use", async () => {
    const result = await compile("\n## A\n\n```cobol\nMOVE A TO B\n```\n");
    if (result.ok) expect.unreachable("compiled");
    const hint = result.diagnostics.find((d) => d.rule === "code-language")?.hint ?? "";
    const named = hint.replace(/^Supported: /, "").split(", ");
    expect(named.sort()).toEqual(Object.keys(FENCE_LANGUAGES).sort());
    expect(named).toContain("yml");
  });

  it("a fence without a language is an error, never a silent plain block", async () => {
    const result = await compile("\n```\nplain\n```\n");
    expect(result.ok).toBe(false);
  });

  it("applies title, highlighted lines and diff marks from the meta", async () => {
    const result = await compile(
      '\n```dockerfile title="Dockerfile.multi" {2} ins={3} del={1}\nFROM a\nRUN b\nRUN c\n```\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const block = result.lesson.tree.find((n) => typeof n !== "string" && n.name === "CodeBlock");
    const props = typeof block === "string" ? undefined : block?.props;
    expect(props?.title).toBe("Dockerfile.multi");
    const lines = String(props?.html).split("<span class=line").slice(1);
    expect(lines).toHaveLength(3);
    // Changed lines carry their sign in a gutter, and words for screen readers, before the code.
    expect(lines[0]).toMatch(
      /^ data-diff=del><span class=diff-sign aria-hidden=true>−<\/span><span class=sr-only>Removed line: <\/span><span class=c[0-9a-z]{4}>FROM<\/span> a</,
    );
    // In a diff an unchanged line keeps an empty gutter, so the code stays aligned.
    expect(lines[1]).toMatch(
      /^ data-highlighted><span class=diff-sign aria-hidden=true> <\/span><span class=c[0-9a-z]{4}>RUN<\/span> b</,
    );
    expect(lines[2]).toMatch(
      /^ data-diff=ins><span class=diff-sign aria-hidden=true>\+<\/span><span class=sr-only>Added line: <\/span><span class=c[0-9a-z]{4}>RUN<\/span> c</,
    );
    expect(props?.lineNumbers).toBe("true");
  });

  it("marking a line beyond the block is an error", async () => {
    const result = await compile("\n```js {5}\nconst a = 1;\n```\n");
    expect(result.ok).toBe(false);
  });

  it("a one-liner has no line numbers; a terminal session shows prompts apart", async () => {
    const result = await compile(
      "\n```dockerfile\nFROM a\n```\n\n```console\n$ docker ps\nCONTAINER ID\n```\n",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tree = JSON.stringify(result.lesson.tree);
    expect(tree).not.toContain("lineNumbers");
    expect(tree).toContain("<span class=code-prompt aria-hidden=true>$ </span>");
    expect(tree).toContain("<span class=line data-kind=output>CONTAINER ID</span>");
  });
});

describe("headings and table of contents", () => {
  it("gives ## and ### headings GitHub-style ids, in order, deduplicated", async () => {
    const result = await compile(
      "\n## Why size matters\n\ntext\n\n### COPY --from, explained\n\n## Why size matters\n",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.headings).toEqual([
      { depth: 2, id: "why-size-matters", text: "Why size matters" },
      { depth: 3, id: "copy---from-explained", text: "COPY --from, explained" },
      { depth: 2, id: "why-size-matters-1", text: "Why size matters" },
    ]);
    expect(result.lesson.sections[0]).toMatchObject({ id: "why-size-matters", text: "text" });
  });

  it("records the section each quiz sits in, so a review card can link back to it", async () => {
    const quiz = (id: string) =>
      `\n\`\`\`quiz\nid: ${id}\nquestions:\n  - id: q1\n    type: truefalse\n    prompt: Yes?\n    answer: true\n\`\`\`\n`;
    const result = await compile(
      `${quiz("before")}\n## Basics\n\ntext\n\n### Check your understanding\n${quiz("after")}`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.quizSections).toEqual({ before: null, after: "check-your-understanding" });
  });

  it("a # heading in the body is an error (the title comes from frontmatter)", async () => {
    const result = await compile("\n# Title again\n");
    expect(result.ok).toBe(false);
  });
});

describe("what authors may write", () => {
  it("rejects imports, expressions and unknown components, and allows comments", async () => {
    const result = await compile(
      '\nimport x from "fs"\n\n{process.env.SECRET}\n\n<Script />\n\n{/* a comment is fine */}\n',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["no-code", "no-code", "components"]);
    expect(result.diagnostics[2]!.message).toBe("Unknown component <Script>");
    expect(result.diagnostics.map((d) => d.line)).toEqual([11, 13, 15]);
  });

  it("checks component attributes", async () => {
    const result = await compile('\n<Callout type="danger">x</Callout>\n\n<Figure src="/a.png" />\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '<Callout type="danger"> is not one of note, tip, warning',
      '<Figure> needs a alt="…" attribute',
    ]);
  });
});
