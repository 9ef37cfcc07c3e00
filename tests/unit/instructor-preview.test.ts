import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileLesson } from "@/lib/content/compile";
import { stopCompiler, warmCompiler } from "@/lib/instructor/compile-service";
import { PREVIEW_MAX_BYTES } from "@/lib/instructor/limits";
import { compilePreview, type PreviewOutcome } from "@/lib/instructor/preview";
import { lessonTemplate } from "@/lib/instructor/template";
import type { ChildProcessInfo } from "../support/processes";

// As the preview page does when it opens; a cold thread on a busy machine can take seconds.
beforeAll(() => warmCompiler(), 60_000);
afterAll(() => stopCompiler());

const template = lessonTemplate(new Date("2026-11-27T12:00:00Z"));
const head = template.split("\n## ")[0]!;
const neverCalled = () => Promise.reject(new Error("the compiler must not run"));

function problems(outcome: PreviewOutcome) {
  if (outcome.status !== "compiled") throw new Error(`refused: ${outcome.message}`);
  return outcome.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.line}:${d.rule}:${d.message}`);
}

describe("the preview compiles through the one content pipeline", () => {
  it("renders the template with no errors (a new part, not yet in course.json, is a warning), its quiz key included", async () => {
    const outcome = await compilePreview(template);
    expect(outcome.status).toBe("compiled");
    if (outcome.status !== "compiled") return;
    expect(outcome.diagnostics.map((d) => `${d.severity} ${d.rule}`)).toEqual(["warning course"]);
    expect(outcome.lesson?.frontmatter.slug).toBe("your-lesson-slug");
    expect(outcome.lesson?.quizzes[0]?.questions[0]).toMatchObject({ type: "single" });
  }, 30_000);

  it("writes nothing to content/ (the download is the only way out)", async () => {
    const listing = () =>
      readdirSync("content", { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const file = path.join(e.parentPath, e.name);
          return `${file}:${statSync(file).mtimeMs}`;
        })
        .sort();
    const before = listing();
    await compilePreview(template.replace("your-lesson-slug", "written-nowhere"));
    expect(listing()).toEqual(before);
  }, 30_000);

  it("reports an unknown fence language at its line and gives no preview", async () => {
    const source = template.replace("```dockerfile", "```dockerfil");
    const line = source.split("\n").findIndex((l) => l.startsWith("```dockerfil")) + 1;
    const outcome = await compilePreview(source);
    expect(outcome.status === "compiled" && outcome.lesson).toBeNull();
    expect(problems(outcome).some((p) => p.startsWith(`${line}:`) && p.includes("dockerfil"))).toBe(true);
  }, 30_000);
});

describe("limits", () => {
  it(`refuses a source over ${PREVIEW_MAX_BYTES / 1024} KB before compiling, saying how big it is`, async () => {
    const big = `${head}\n${"x".repeat(PREVIEW_MAX_BYTES)}`;
    const outcome = await compilePreview(big, { compile: neverCalled });
    expect(outcome).toEqual({
      status: "refused",
      message: expect.stringMatching(/^The source is 201 KB; the preview compiles at most 200 KB/),
    });
  });

  it("counts the limit in UTF-8 bytes, not characters", async () => {
    const outcome = await compilePreview("é".repeat(PREVIEW_MAX_BYTES / 2 + 1), { compile: neverCalled });
    expect(outcome.status).toBe("refused");
  });

  it("stops a runaway compile at the time limit, the server's event loop never blocks, and the next compile works", async () => {
    // Deeply nested block quotes keep the MDX parser (synchronous JavaScript) busy for a minute.
    const runaway = `${">".repeat(100_000)} x`;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = performance.now();
    const outcome = await compilePreview(runaway, { timeoutMs: 1500 });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(outcome).toEqual({ status: "refused", message: expect.stringContaining("longer than 1.5 s") });
    expect(elapsed).toBeLessThan(2500);
    expect(ticks).toBeGreaterThan(elapsed / 20 / 2); // the main thread kept running meanwhile
    await warmCompiler();
    const next = await compilePreview(template);
    expect(next.status === "compiled" && next.lesson !== null).toBe(true);
  }, 60_000);

  it("a compile stopped for time leaves no process behind (no zombie esbuild helper)", () => {
    // In a process of its own, so that other test files' processes are not counted.
    const run = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/stopped-compile.ts"],
      { cwd: path.resolve(import.meta.dirname, "../.."), encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    expect(report.first).toBe(true);
    const helper = report.before.filter((c: ChildProcessInfo) => c.command === "esbuild");
    expect(helper).toHaveLength(1); // the compiler thread's helper, owned by this thread
    expect(report.stopped).toMatch(/longer than 1.5 s/);
    // Gone (killed and reaped): neither running nor a zombie, and no other zombie either.
    expect(report.afterStop.filter((c: ChildProcessInfo) => c.pid === helper[0].pid)).toEqual([]);
    expect(report.afterStop.filter((c: ChildProcessInfo) => c.state === "Z")).toEqual([]);
    expect(report.next).toBe(true);
    expect(report.afterNext.filter((c: ChildProcessInfo) => c.state === "Z")).toEqual([]);
    expect(report.afterNext.filter((c: ChildProcessInfo) => c.command === "esbuild")).toHaveLength(1);
  }, 150_000);

  it("answers within the time limit even if the compiler never does", async () => {
    const outcome = await compilePreview(template, {
      timeoutMs: 200,
      deadlineMs: 400,
      compile: () => new Promise(() => {}),
    });
    expect(outcome).toEqual({ status: "refused", message: expect.stringContaining("longer than 0.2 s") });
  });
});

describe("lesson content cannot run code, read files or the environment, or reach the network", () => {
  const cases: [string, string, RegExp][] = [
    ["an import of a module", 'import fs from "node:fs"', /no-code:Imports and exports are not allowed/],
    ["an import of a file", 'import secret from "../../.env"', /no-code:Imports and exports are not allowed/],
    [
      "reading the environment",
      "{process.env.LECTERN_SECRET}",
      /no-code:JavaScript expressions are not allowed/,
    ],
    [
      "an export running require",
      'export const x = require("child_process").execSync("id")',
      /no-code:Imports and exports are not allowed/,
    ],
    [
      "an image with an event handler",
      '<img src="https://evil.example/x.png" onError={() => fetch("https://evil.example")} />',
      /components:Unknown tag <img>/,
    ],
    ["a script tag", "<script>globalThis.__lecternPwned = 1</script>", /components:Unknown tag <script>/],
    [
      "an expression in an attribute",
      "<Callout title={globalThis.__lecternPwned = 1}>hi</Callout>",
      /no-code:<Callout title> must be a quoted string/,
    ],
    [
      "a remote Markdown image",
      "![tracker](https://evil.example/x.png)",
      /images:Image "https:\/\/evil\.example\/x\.png" is not in public\//,
    ],
    [
      "a remote figure",
      '<Figure src="https://evil.example/x.png" alt="x" />',
      /images:Image .* is not in public\//,
    ],
  ];

  for (const [name, payload, expected] of cases) {
    it(`refuses ${name}, at its line, with nothing to render`, async () => {
      const source = `${head}\n## Section\n\n${payload}\n`;
      const line = source.split("\n").indexOf(payload) + 1;
      const outcome = await compilePreview(source);
      expect(outcome.status === "compiled" && outcome.lesson).toBeNull();
      const found = problems(outcome);
      expect(
        found.some((p) => expected.test(p) && p.startsWith(`${line}:`)),
        found.join("\n"),
      ).toBe(true);
    }, 30_000);
  }

  it("evaluates nothing while compiling, even in the server's own process", async () => {
    const g = globalThis as { __lecternPwned?: number };
    for (const payload of [
      "{globalThis.__lecternPwned = 1}",
      "export const x = (globalThis.__lecternPwned = 2)",
      "<script>globalThis.__lecternPwned = 3</script>",
    ]) {
      const result = await compileLesson(`${head}\n## S\n\n${payload}\n`, "probe.mdx");
      expect(result.ok).toBe(false);
      expect(g.__lecternPwned).toBeUndefined();
    }
  }, 30_000);
});

describe("exercises in the preview", () => {
  it("compiles an exercise with its checks and renders its card exactly as the lesson page does", async () => {
    const { readFileSync } = await import("node:fs");
    const { createElement, Fragment } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { lessonComponents } = await import("@/components/mdx/mdx-components");
    const { renderLessonTree } = await import("@/components/mdx/render-lesson");
    const { PreviewDocument } = await import("@/components/instructor/preview-document");
    // The template plus Part 7's Go exercise (the whole of Part 7 takes seconds on a busy machine).
    const part7 = readFileSync("content/courses/docker/07-multi-stage-builds.mdx", "utf8");
    const fence = /\n```exercise\nid: go-onto-scratch[\s\S]*?\n```\n/.exec(part7)?.[0] ?? "";
    expect(fence).not.toBe("");
    const source = `${template}\n## An exercise\n${fence}`;
    const outcome = await compilePreview(source, { timeoutMs: 20_000 });
    if (outcome.status !== "compiled" || !outcome.lesson)
      throw new Error(`The lesson did not compile in the preview: ${JSON.stringify(outcome).slice(0, 400)}`);
    const page = await compileLesson(source, "lesson.mdx");
    if (!page.ok) throw new Error("The lesson did not compile");
    expect(outcome.lesson.exercises.map((e) => e.id)).toEqual(page.lesson.exercises.map((e) => e.id));
    expect(outcome.lesson.exercises[0]?.checks.length).toBeGreaterThan(0);
    // The island's props name where it is (the preview's placeholder course and lesson, or the
    // lesson's own): everything else must be the same.
    const cards = (html: string) =>
      (html.match(/<section aria-labelledby="exercise-[^"]+"[\s\S]*?<\/section>/g) ?? []).map((card) =>
        card.replace(/"course":"[^"]*","lesson":"[^"]*"/g, "WHERE"),
      );
    const lessonHtml = renderToStaticMarkup(
      createElement(
        Fragment,
        null,
        ...renderLessonTree(
          page.lesson.tree,
          lessonComponents({ course: "docker", lesson: "multi-stage-builds" }),
        ),
      ),
    );
    const previewHtml = renderToStaticMarkup(createElement(PreviewDocument, { lesson: outcome.lesson }));
    expect(cards(lessonHtml)).toHaveLength(outcome.lesson.exercises.length);
    expect(cards(previewHtml)).toEqual(cards(lessonHtml));
    // The card carries the task and starter, never a hint or the solution.
    expect(cards(previewHtml).join("")).not.toContain("COPY --from=build /out/linkcheck /linkcheck");
  }, 60_000);
});
