import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";

const root = path.resolve(import.meta.dirname, "../fixtures/broken-content");

describe("content:check", () => {
  it("finds every problem in the broken fixture, each at its file and line", async () => {
    const report = await checkContent({ root });
    const found = report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.rule}`);
    expect(found).toEqual([
      "01-first.mdx:13 links",
      "01-first.mdx:13 links",
      "01-first.mdx:15 code-language",
      "01-first.mdx:19 images",
      "02-second.mdx:3 course",
    ]);
  });

  it("checks links and anchors once a lesson compiles", async () => {
    const report = await checkContent({
      root: path.resolve(import.meta.dirname, "../fixtures/broken-links"),
    });
    expect(
      report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`),
    ).toEqual([
      '01-first.mdx:12:11 Anchor "#no-such-section" matches no heading in this lesson',
      '01-first.mdx:12:50 Link "/courses/broken/nowhere": there is no published lesson "nowhere" in this course',
      '01-first.mdx:12:98 Link "/courses/broken/first#gone": "#gone" matches no heading in that lesson',
    ]);
  });

  it("the command exits non-zero and prints file:line:column", () => {
    const cli = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/content-check.ts", "--root", root],
      {
        cwd: path.resolve(import.meta.dirname, "../.."),
        encoding: "utf8",
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(
      /tests\/fixtures\/broken-content\/broken\/01-first\.mdx:15:1 {2}error {2}Unknown code block language "dockerfil"/,
    );
    expect(cli.stdout).toMatch(/5 error\(s\)/);
  });
});
