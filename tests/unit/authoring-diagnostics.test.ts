import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/content/catalog";
import { compileLesson } from "@/lib/content/compile";
import { courseListingDiagnostics } from "@/lib/content/course-listing";
import { lessonTemplate } from "@/lib/instructor/template";

// What an author is told about a mistake: where it is, once, in the lesson's own words. The
// preview and `npm run content:check` both go through compileLesson, so both say the same.

const template = lessonTemplate(new Date("2026-01-05T00:00:00Z"));
const lineOf = (source: string, pattern: RegExp) => source.split("\n").findIndex((l) => pattern.test(l)) + 1;
const diagnosticsOf = async (source: string) => {
  const result = await compileLesson(source, "lesson.mdx");
  return result.ok ? result.lesson.diagnostics : result.diagnostics;
};

describe("authoring diagnostics", () => {
  it("reports an unclosed tag at the line that opens it, with a hint about closing it", async () => {
    const source = template.replace("</Callout>\n", "");
    const found = await diagnosticsOf(source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(source, /^<Callout/), column: 1, rule: "mdx" });
    expect(found[0]!.message).toContain("<Callout>");
    expect(found[0]!.message).not.toMatch(/esbuild|\d+:\d+-\d+:\d+/);
    expect(found[0]!.hint).toContain("</Callout>");
  });

  it.each(["2026-1-5", "yesterday", "2026-02-30"])("a bad date (%s) is one error", async (date) => {
    const found = await diagnosticsOf(template.replace(/^updated: .*$/m, `updated: ${date}`));
    expect(found.filter((d) => d.severity === "error")).toHaveLength(1);
    expect(found[0]!.message).toContain('"updated"');
  });

  it("names the question of a quiz error, once per mistake", async () => {
    const source = template.replace("    answer: true\n", "").replace(/ {6}- text: "`CMD`"\n.*\n/, "");
    const found = (await diagnosticsOf(source)).filter((d) => d.rule === "quiz");
    expect(found.map((d) => d.message)).toEqual([
      'Quiz question 1 ("first-question"): "choices" needs at least two choices',
      'Quiz question 2 ("non-root"): "answer" is missing',
    ]);
    expect(found.map((d) => d.message).join()).not.toMatch(/questions\.\d/);
  });

  it("warns when the lesson's part and slug are not what a course.json lists", () => {
    const { courses } = readCatalog();
    const at = { file: "lesson.mdx", line: 3 };
    const [missing] = courseListingDiagnostics(
      { slug: "your-lesson-slug", part: 11 },
      at,
      courses,
      "warning",
    );
    expect(missing).toMatchObject({ severity: "warning", rule: "course", line: 3 });
    expect(missing!.message).toContain("Part 11");
    expect(missing!.message).toContain("course.json");
    expect(courseListingDiagnostics({ slug: "volumes", part: 5 }, at, courses, "warning")).toEqual([]);
    const [moved] = courseListingDiagnostics({ slug: "volumes", part: 6 }, at, courses, "warning");
    expect(moved!.message).toMatch(/part 5/);
  });

  it("warns when prose says left or right about blocks that stack on a phone", async () => {
    const source = template.replace(
      "## Summary\n",
      '## Summary\n\nThe version on the left is slow.\n\n<Compare left="Slow" right="Fast">\n\n```text\na\n```\n\n```text\nb\n```\n\n</Compare>\n',
    );
    const found = (await diagnosticsOf(source)).filter((d) => d.rule === "compare-wording");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", line: lineOf(source, /on the left/) });
  });

  it("the course's own lessons name compared blocks by their labels", async () => {
    const dir = path.join(process.cwd(), "content/courses/docker");
    for (const file of [
      "03-images-and-layers.mdx",
      "04-writing-dockerfiles.mdx",
      "07-multi-stage-builds.mdx",
      "09-registries-and-security.mdx",
    ]) {
      const found = await diagnosticsOf(readFileSync(path.join(dir, file), "utf8"));
      expect(
        found.filter((d) => d.rule === "compare-wording"),
        file,
      ).toEqual([]);
    }
  }, 60_000);
});
