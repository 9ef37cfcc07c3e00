import { afterEach, describe, expect, it, vi } from "vitest";
import { compileLesson } from "@/lib/content/compile";
import { lessonCompletion } from "@/lib/content/completion";
import { lessonElements } from "@/lib/content/lesson-tree";

const frontmatter = (extra = "") => `---
title: A test lesson
part: 7
slug: test-lesson
summary: A summary long enough to satisfy the schema.
objectives:
  - Learn something
updated: 2026-11-27
${extra}---
`;

const exercise = (checks: string, starter = "FROM node:20\nUSER node") => `
Some text.

\`\`\`\`exercise
id: ship-small
title: Ship small
task: |
  Make the final image **small**: see [the table](#sizes).

  \`\`\`dockerfile
  FROM node:20-alpine
  \`\`\`
starter: |
${starter
  .split("\n")
  .map((l) => `  ${l}`)
  .join("\n")}
solution: |
  FROM node:20-alpine
  USER node
checks:
${checks}
\`\`\`\`
`;

const sizeCheck = `  - id: size
    kind: max-size
    mb: 150
    description: The final image is at most 150 MB.
    hints:
      - Look at the base image table.
      - node:20-alpine.`;

const compile = (body: string, extra?: string) => compileLesson(frontmatter(extra) + body, "lesson.mdx");
/** The 1-based line of `text` in the lesson made of `body`. */
const lineOf = (body: string, text: string) =>
  (frontmatter() + body).slice(0, (frontmatter() + body).indexOf(text)).split("\n").length;

describe("an exercise in a lesson", () => {
  it("becomes an Exercise element with the public view, the highlighted starter and the task as Markdown", async () => {
    const result = await compile(exercise(sizeCheck));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const element = [...lessonElements(result.lesson.tree)].find((e) => e.name === "Exercise")!;
    expect(element).toBeDefined();
    const view = JSON.parse(String(element.props?.exercise));
    expect(view).toMatchObject({ id: "ship-small", checkCount: 1, starter: "FROM node:20\nUSER node\n" });
    expect(String(element.props?.starterHtml)).toMatch(/^<code>.*FROM.*<\/code>$/s);
    const names = [...lessonElements(element.children ?? [])].map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["p", "strong", "a", "CodeBlock"]));
    // Checks, hints and the solution stay in the server-only definition.
    const tree = JSON.stringify(result.lesson.tree);
    for (const secret of [
      "max-size",
      "Look at the base image table",
      "at most 150 MB",
      "FROM node:20-alpine\\nUSER node",
    ])
      expect(tree).not.toContain(secret);
    expect(result.lesson.exercises[0]?.solution).toBe("FROM node:20-alpine\nUSER node\n");
    // The task's link is checked like the lesson's own (content:check resolves #sizes).
    expect(result.lesson.links.map((l) => l.url)).toContain("#sizes");
  });

  it("reports an unknown check kind at its line", async () => {
    const body = exercise(
      `${sizeCheck}\n  - id: other\n    kind: smells-nice\n    description: D\n    hints: [H]`,
    );
    const result = await compile(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const d = result.diagnostics.find((x) => x.rule === "exercise")!;
    expect(d.message).toMatch(/Unknown check kind "smells-nice"/);
    expect(d.line).toBe(lineOf(body, "kind: smells-nice"));
  });

  it("refuses a solution that fails a check, at the check's line, and a starter that passes them all", async () => {
    const body = exercise(sizeCheck.replace("mb: 150", "mb: 100"));
    const failing = await compile(body);
    expect(failing.ok).toBe(false);
    if (failing.ok) return;
    const d = failing.diagnostics.find((x) => x.rule === "exercise")!;
    expect(d.message).toMatch(/reference solution fails check "size"/);
    expect(d.line).toBe(lineOf(body, "- id: size"));

    const easy = await compile(exercise(sizeCheck, "FROM node:20-alpine\nUSER node"));
    expect(easy.ok).toBe(false);
    if (easy.ok) return;
    expect(easy.diagnostics.map((x) => x.message)).toContain(
      "The starter already passes every check; there is nothing left to do",
    );
  });

  it("refuses a heading or HTML in the task", async () => {
    const result = await compile(
      exercise(sizeCheck).replace("Make the final", "## Heading\n\n  Make the final"),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.some((d) => /may not hold headings/.test(d.message))).toBe(true);
  });
});

describe("an author's answers graded against the clock", () => {
  afterEach(() => vi.restoreAllMocks());

  /** performance.now as a loaded machine shows it: `stall` ms lost at the given readings. */
  const stallingClock = (stall: number, at: (reading: number) => boolean) => {
    const real = performance.now.bind(performance);
    let readings = 0;
    let lost = 0;
    vi.spyOn(performance, "now").mockImplementation(() => {
      readings++;
      if (at(readings)) lost += stall;
      return real() + lost;
    });
  };

  // CI built the course beside a browser suite on two cores, and one grading of a reference solution
  // (a few milliseconds of work) read 1 s on the clock: the build refused a lesson that is fine.
  it("does not refuse a lesson because the machine stalled once while grading its solution", async () => {
    stallingClock(1500, (reading) => reading === 2);
    const result = await compile(exercise(sizeCheck));
    expect(result.ok ? [] : result.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it("still refuses a solution whose grading runs over the budget every time, at its line", async () => {
    stallingClock(1500, () => true);
    const body = exercise(sizeCheck);
    const result = await compile(body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const d = result.diagnostics.find((x) => /reference solution can't be graded/.test(x.message))!;
    expect(d.message).toMatch(/took longer than 1 s/);
    expect(d.line).toBe(lineOf(body, "solution: |"));
  });
});

describe("what completes a lesson", () => {
  it("defaults to both when a lesson has quizzes and exercises, and follows the frontmatter", async () => {
    expect(lessonCompletion({ frontmatter: {}, quizzes: [1], exercises: [1] })).toBe("both");
    expect(lessonCompletion({ frontmatter: {}, quizzes: [], exercises: [1] })).toBe("exercises");
    expect(lessonCompletion({ frontmatter: { completion: "quiz" }, quizzes: [1], exercises: [1] })).toBe(
      "quiz",
    );
    expect(lessonCompletion({ frontmatter: {}, quizzes: [], exercises: [] })).toBe("none");
  });

  it("refuses a completion rule the lesson can't meet, at its frontmatter line", async () => {
    const result = await compile(exercise(sizeCheck), "completion: quiz\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const d = result.diagnostics.find((x) => x.rule === "frontmatter")!;
    expect(d).toMatchObject({
      line: 9,
      message: 'Frontmatter "completion" is quiz, but the lesson has no quiz',
    });
    const ok = await compile(exercise(sizeCheck), "completion: exercises\n");
    expect(ok.ok).toBe(true);
  });
});
