import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LessonBodyTree } from "@/components/lesson/lesson-body-html";
import { readCatalog } from "@/lib/content/catalog";
import { checkContent } from "@/lib/content/check";
import { compileLesson } from "@/lib/content/compile";
import { LESSON_COMPONENTS, LESSON_TAGS } from "@/lib/content/components";
import { type LessonNode, lessonElements } from "@/lib/content/lesson-tree";
import { withoutIslandProps } from "../support/island-props";

// Issue 15: whatever content:check accepts must build and render. Each lesson the checker
// accepts (every lesson in content/ and every fixture that compiles) goes through the renderer the
// build and the preview use, and its HTML holds no script.

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const EVERY = path.join(FIXTURES, "every-construct");

/** What the lesson page renders for a tree, as static HTML. */
function renderLesson(tree: LessonNode[], course: string, lesson: string): string {
  return renderToStaticMarkup(createElement(LessonBodyTree, { tree, course, lesson }));
}

/**
 * React's own markup for a form whose action is a server action (the quiz): a placeholder
 * javascript: action that throws, and the script that replays early submits once hydrated.
 */
const REACT_FORM_ACTION =
  /action="javascript:throw new Error\(&#x27;React form unexpectedly submitted\.&#x27;\)"/g;
const REACT_FORM_REPLAY = /<script>addEventListener\("submit",function\(a\)\{[^<]*\}\);<\/script>/g;

/**
 * No script, handler or script URL may reach the HTML a lesson renders to (React's own aside, and
 * the islands' JSON props blocks, which are checked to be JSON).
 */
function expectNoScript(rendered: string) {
  const html = withoutIslandProps(rendered).replace(REACT_FORM_ACTION, "").replace(REACT_FORM_REPLAY, "");
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<style/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(?:href|src|action)\s*=\s*"\s*(?:javascript|data|vbscript):/i);
}

async function acceptedLessons(root: string) {
  const { courses } = readCatalog(root);
  const lessons = courses.flatMap((c) => c.lessons);
  const compiled = [];
  for (const lesson of lessons) {
    const result = await compileLesson(readFileSync(lesson.file, "utf8"), lesson.displayPath);
    if (result.ok) compiled.push({ lesson, tree: result.lesson.tree });
  }
  return compiled;
}

describe("every lesson the checker accepts renders", () => {
  it("the every-construct fixture passes the checker", async () => {
    const report = await checkContent({
      root: path.join(EVERY, "courses"),
      publicDir: path.join(EVERY, "public"),
    });
    expect(report.diagnostics).toEqual([]);
  }, 60_000);

  it("…and uses every component and every tag, and renders them all", async () => {
    const [only] = await acceptedLessons(path.join(EVERY, "courses"));
    expect(only).toBeDefined();
    const names = new Set([...lessonElements(only!.tree)].map((e) => e.name));
    for (const name of [...Object.keys(LESSON_COMPONENTS), ...Object.keys(LESSON_TAGS)])
      expect(names, `the fixture should use <${name}>`).toContain(name);
    const html = renderLesson(only!.tree, "every", "every-construct");
    expectNoScript(html);
    expect(html).toContain('<kbd title="the C key">C</kbd>');
    expect(html).toContain('<abbr title="Open Container Initiative">OCI</abbr>');
    expect(html).toMatch(/<th style="text-align:right">right<\/th>/);
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<input type="checkbox" disabled="" checked=""/>');
    expect(html).toContain('data-quiz="every-check"');
    expect(html).toContain("data-layer-cache");
    expect(html).not.toContain("Why it is wrong"); // explanations stay on the server
  }, 60_000);

  it("every lesson in content/ renders without a script in its HTML", async () => {
    const lessons = await acceptedLessons(path.resolve(import.meta.dirname, "../../content/courses"));
    expect(lessons.length).toBeGreaterThanOrEqual(10);
    for (const { lesson, tree } of lessons) {
      const html = renderLesson(tree, lesson.course, lesson.slug);
      expect(html.length, lesson.displayPath).toBeGreaterThan(1000);
      expectNoScript(html);
    }
  }, 120_000);

  it("the checker's fixtures that compile render too", async () => {
    for (const dir of ["broken-content", "broken-links"]) {
      for (const { lesson, tree } of await acceptedLessons(path.join(FIXTURES, dir))) {
        expectNoScript(renderLesson(tree, lesson.course, lesson.slug));
      }
    }
  }, 60_000);
});

describe("the renderer renders only listed elements and attributes", () => {
  it("drops an element or attribute no lesson may hold, even in a tree from elsewhere", () => {
    const forged: LessonNode[] = [
      { name: "script", children: ["alert(1)"] },
      { name: "abbr", props: { title: "ok", onClick: "alert(1)", style: "color:red" }, children: ["x"] },
      { name: "Secret", children: ["y"] },
      { name: "p", props: { dangerouslySetInnerHTML: "<img src=x onerror=alert(1)>" }, children: ["z"] },
    ];
    expect(renderLesson(forged, "c", "l")).toBe('<abbr title="ok">x</abbr><p>z</p>');
  });
});
