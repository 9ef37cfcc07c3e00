import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCatalog } from "@/lib/content/catalog";
import { compileLesson } from "@/lib/content/compile";
import { analyzeDockerfile } from "@/lib/docker/dockerfile";

const lessons = readCatalog().courses.flatMap((c) => c.lessons);

describe("every Dockerfile in the course", () => {
  it("the course has Dockerfiles to check", () => {
    expect(lessons.length).toBe(10);
  });

  for (const lesson of lessons) {
    it(`${lesson.displayPath}: analyses without findings, except blocks marked antipattern or excerpt`, async () => {
      const result = await compileLesson(readFileSync(lesson.file, "utf8"), lesson.displayPath);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      for (const block of result.lesson.codeBlocks.filter(
        (b) => b.lang === "dockerfile" || b.lang === "docker",
      )) {
        if (block.excerpt) continue;
        const analysis = analyzeDockerfile(block.code);
        expect(analysis.ok, `${lesson.displayPath}:${block.line} ${block.title ?? ""}`).toBe(true);
        if (!analysis.ok) continue;
        const found = [
          ...analysis.analysis.findings.map((f) => `${f.id}@${f.line}`),
          ...analysis.analysis.problems.map((p) => p.message),
        ];
        if (block.antipattern) {
          // A "Bad practice" label must point at something the explorer can explain.
          expect(
            found.length,
            `${lesson.displayPath}:${block.line} is labelled bad practice but has no findings`,
          ).toBeGreaterThan(0);
        } else {
          expect(found, `${lesson.displayPath}:${block.line} ${block.title ?? ""}`).toEqual([]);
        }
      }
    });
  }
});
