import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Issue 15: a content folder holding a lesson with code in it fails `npm run build`, naming
// file:line:column for every problem, before `next build` starts (the build compiles the lessons
// with the same compile as the pages, the checker and the preview). The generated cases of
// content-no-code.property.test.ts cover every element × attribute × syntax through that compile;
// this runs the real build script once on a folder holding the repros.

const ROOT = path.resolve(import.meta.dirname, "../..");
const content = mkdtempSync(path.join(tmpdir(), "lectern-bad-content-"));
const distDir = `.next-content-build-test-${process.pid}`;
afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
});

const frontmatter = (part: number, slug: string) => `---
title: "Lesson ${part}"
part: ${part}
slug: ${slug}
summary: "A lesson of a content folder that must not build, because it holds code."
objectives:
  - Fail the build
updated: 2026-11-27
---

`;
const lessons = [
  ["kbd-title", 'Press <kbd title={typeof process + " pid=" + process.pid}>K</kbd>', "11:12"],
  ["sup-spread", "x<sup {...{dangerouslySetInnerHTML:{__html:'<iframe></iframe>'}}} />", "11:7"],
  ["abbr-style", '<abbr title="t" style="color:red">x</abbr>', "11:17"],
  ["script-link", "[click](javascript:alert(1))", "11:1"],
] as const;

describe("npm run build on a content folder holding code", () => {
  it("fails before next build, naming every file:line:column", () => {
    const course = path.join(content, "hostile");
    mkdirSync(course, { recursive: true });
    writeFileSync(
      path.join(course, "course.json"),
      JSON.stringify({
        slug: "hostile",
        title: "A hostile course",
        description: "A fixture course whose lessons try to run code.",
        level: "beginner",
        parts: lessons.map(([slug], i) => ({ part: i + 1, slug, title: `Part ${i + 1}` })),
      }),
    );
    lessons.forEach(([slug, body], i) => {
      writeFileSync(path.join(course, `0${i + 1}-${slug}.mdx`), `${frontmatter(i + 1, slug)}${body}\n`);
    });
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--force"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        LECTERN_CONTENT_DIR: content,
        LECTERN_DIST_DIR: distDir,
        NODE_ENV: "production",
      },
      timeout: 120_000,
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).toBe(1);
    for (const [i, [slug, , place]] of lessons.entries()) {
      const file = path.relative(ROOT, path.join(course, `0${i + 1}-${slug}.mdx`));
      expect(output).toContain(`${file}:${place}  error`);
    }
    expect(output).not.toContain("next build");
    expect(existsSync(path.join(ROOT, distDir, "lectern-content.json"))).toBe(false);
    expect(readFileSync(path.join(course, "course.json"), "utf8")).toContain("hostile"); // untouched
  }, 150_000);
});
