import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileLesson } from "@/lib/content/compile";
import type { Diagnostic } from "@/lib/content/diagnostics";
import { stopCompiler } from "@/lib/instructor/compile-service";
import { compilePreview } from "@/lib/instructor/preview";

// Issue 15: lesson files and the instructor preview are content, never code. Each case below is
// a payload an author (or someone who can edit a lesson) could write; none may run, and each is
// refused with the file, line and column where it was written.

afterAll(() => stopCompiler());

const frontmatter = `---
title: A lesson under attack
part: 1
slug: attacked
summary: A lesson whose body tries to run code in the server or in browsers.
objectives:
  - Stay content
updated: 2026-11-27
---
`;
/** The first body line is line 11 of the file. */
const BODY_LINE = frontmatter.split("\n").length + 1;

const probe = globalThis as { __lecternPwned?: unknown };

async function refusal(body: string): Promise<Diagnostic[]> {
  const result = await compileLesson(`${frontmatter}\n${body}\n`, "attacked.mdx");
  expect(result.ok, "the lesson must not compile").toBe(false);
  return result.ok ? [] : result.diagnostics.filter((d) => d.severity === "error");
}

const at = (d: Diagnostic) => `${d.line}:${d.column} ${d.rule}: ${d.message}`;

describe("HTML tags in lessons accept only listed attributes with quoted values", () => {
  const cases: [string, string, RegExp][] = [
    [
      "an expression in <kbd title> (issue 15, repro 1: it ran in the server)",
      'Press <kbd title={typeof process + " pid=" + process.pid}>K</kbd>',
      /^11:12 no-code: <kbd title> must be a quoted string/,
    ],
    [
      "a spread of dangerouslySetInnerHTML on <sup> (repro 2: it ran script in browsers)",
      "x<sup {...{dangerouslySetInnerHTML:{__html:'<iframe srcdoc=\"<script>parent.x=1</script>\"></iframe>'}}} />",
      /^11:7 no-code: <sup> cannot take \{\.\.\.spread\} attributes/,
    ],
    [
      "a style string on <abbr> (passed the checker, then broke the build)",
      '<abbr title="t" style="color:red">x</abbr>',
      /^11:17 components: <abbr> has no attribute "style"/,
    ],
    [
      "an event handler on <br>",
      '<br onClick="alert(1)" />',
      /^11:5 components: <br> has no attribute "onClick"/,
    ],
    [
      "JSX as an attribute value",
      "<abbr title={<b onClick={() => alert(1)}>x</b>}>y</abbr>",
      /^11:7 no-code: <abbr title> must be a quoted string/,
    ],
    [
      "a template literal",
      "<abbr title={`t`}>y</abbr>",
      /^11:7 no-code: <abbr title> must be a quoted string/,
    ],
    [
      "an attribute on <sub> (none are listed)",
      '<sub id="x">2</sub>',
      /^11:6 components: <sub> has no attribute "id"/,
    ],
  ];
  for (const [name, body, expected] of cases) {
    it(`refuses ${name}`, async () => {
      const errors = await refusal(body);
      expect(
        errors.map(at).some((m) => expected.test(m)),
        errors.map(at).join("\n"),
      ).toBe(true);
    });
  }

  it("still accepts the listed attributes with quoted values", async () => {
    const result = await compileLesson(
      `${frontmatter}\nPress <kbd>Ctrl</kbd>+<kbd title="the K key">K</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <abbr title="Open Container Initiative">OCI</abbr><br />next line\n`,
      "ok.mdx",
    );
    expect(result.ok ? [] : result.diagnostics.map(at)).toEqual([]);
  });
});

describe("frontmatter is YAML data, never a program", () => {
  it("does not evaluate a ---js frontmatter block and refuses it at line 1", async () => {
    delete probe.__lecternPwned;
    const result = await compileLesson(
      "---js\n({ title: (globalThis.__lecternPwned = process.pid) })\n---\n\n## A\n",
      "js.mdx",
    );
    expect(probe.__lecternPwned).toBeUndefined();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ line: 1, column: 1, rule: "frontmatter" });
  });

  it("does not evaluate it in the preview's compiler either", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lectern-js-frontmatter-"));
    const marker = path.join(dir, "pwned");
    try {
      const source = `---js\n(process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran"), {})\n---\n\nx\n`;
      const outcome = await compilePreview(source);
      expect(existsSync(marker), "the frontmatter ran in the compiler").toBe(false);
      expect(outcome).toMatchObject({ status: "compiled", lesson: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("links and images never carry script URLs", () => {
  const cases: [string, string, number][] = [
    ["a javascript: link", "[click](javascript:alert(document.cookie))", 0],
    ["a javascript: link in capitals", "[click](JAVASCRIPT:alert(1))", 0],
    ["a javascript: link hidden by a tab entity", "[click](jav&#x09;ascript:alert(1))", 0],
    ["a data: link", "[click](data:text/html,<script>alert(1)</script>)", 0],
    ["a vbscript: link", "[click](vbscript:msgbox)", 0],
    ["a javascript: link in angle brackets", "[click](<javascript:alert(1)>)", 0],
    [
      "a javascript: link through a reference (at its definition)",
      "[click][evil]\n\n[evil]: javascript:alert(1)",
      2,
    ],
    ["a javascript: image", "![x](javascript:alert(1))", 0],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", 0],
  ];
  for (const [name, body, offset] of cases) {
    it(`refuses ${name} at its line, as a link or image problem`, async () => {
      const errors = await refusal(body);
      const found = errors.map(at);
      expect(
        errors.some(
          (d) =>
            d.line === BODY_LINE + offset && /links|images/.test(d.rule) && /URL|scheme/i.test(d.message),
        ),
        found.join("\n"),
      ).toBe(true);
      expect(found.join("\n")).not.toMatch(/is relative/);
    });
  }
});

describe("the preview refuses what the checker refuses", () => {
  it("refuses the kbd repro with its line and renders nothing", async () => {
    const source = `${frontmatter}\nPress <kbd title={typeof process + " pid=" + process.pid}>K</kbd>\n`;
    const outcome = await compilePreview(source);
    expect(outcome.status).toBe("compiled");
    if (outcome.status !== "compiled") return;
    expect(outcome.lesson).toBeNull();
    expect(outcome.diagnostics.map(at)).toContainEqual(expect.stringMatching(/^11:12 no-code:/));
  }, 30_000);
});
