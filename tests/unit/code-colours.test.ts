import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ElementContent } from "hast";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import {
  CODE_COLOURS_FILE,
  codeColourClass,
  codeColoursCss,
  parseCodeColoursCss,
  shippedCodeColours,
} from "@/lib/content/code-colours";
import { parseCodeMeta } from "@/lib/content/code-meta";
import { blend, contrastRatio } from "@/lib/content/contrast";
import { highlightBlock, mergeTokens, plainCodeColours } from "@/lib/content/highlight";

const LIGHT_BACKGROUNDS = ["#FFFFFF", blend("#2F6FDB", 0.12, "#FFFFFF"), blend("#1A7F37", 0.14, "#FFFFFF")];

/** The HTML of each line of a highlighted block, and the classes it uses. */
async function highlight(code: string, lang: "dockerfile" | "js") {
  const { html, colours } = await highlightBlock(code, lang, parseCodeMeta(""));
  const lines = [...html.matchAll(/<span class=line>(.*?)<\/span>(?:\n|<\/code>)/g)].map((m) => m[1]!);
  return { html, lines, colours };
}

const span = (className: string, text: string): ElementContent => ({
  type: "element",
  tagName: "span",
  properties: { className: [className] },
  children: [{ type: "text", value: text }],
});

describe("code colours", () => {
  it("a token gets a class, never a style, and the stylesheet holds its contrast-adjusted colours", async () => {
    // github-light's comment grey (#6A737D) is below 4.5:1 on a highlighted line.
    const { html, lines, colours } = await highlight("# build stage\nFROM node:20", "dockerfile");
    const className = /^<span class=(c[0-9a-z]{4})># build stage<\/span>$/.exec(lines[0]!)?.[1];
    expect(className).toBeDefined();
    const colour = colours.find((c) => c.className === className)!;
    expect(colour.className).toBe(codeColourClass(colour.declarations));
    const light = /--shiki-light:(#[0-9A-F]{6})/.exec(colour.declarations)![1]!;
    expect(light).not.toBe("#6A737D");
    for (const bg of LIGHT_BACKGROUNDS) expect(contrastRatio(light, bg)).toBeGreaterThanOrEqual(4.5);
    expect(shippedCodeColours().get(className!)).toBe(colour.declarations);
    expect(html).not.toMatch(/style|--shiki/);
  });

  it("plain text has no span; the block's default colours are the themes' foregrounds", async () => {
    const { lines } = await highlight("FROM node:20 AS build", "dockerfile");
    expect(lines[0]).toMatch(
      /^<span class=c[0-9a-z]{4}>FROM<\/span> node:20 <span class=c[0-9a-z]{4}>AS<\/span> build$/,
    );
    const css = readFileSync(CODE_COLOURS_FILE, "utf8");
    expect(css).toContain(`.code-block pre{${await plainCodeColours()}}`);
  });

  it("adjacent tokens of one class travel as one span, adjacent plain text as one text", () => {
    const merged = mergeTokens([
      span("a", "x"),
      span("a", "y"),
      span("b", "z"),
      { type: "text", value: "1" },
    ]);
    expect(merged).toEqual([span("a", "xy"), span("b", "z"), { type: "text", value: "1" }]);
  });

  it("keeps font styles: a bold token's class carries them into the stylesheet", async () => {
    const { colours } = await highlight("const re = /\\d+\\./;", "js");
    const bold = colours.find((c) => c.declarations.includes("font-weight:bold"));
    expect(bold).toBeDefined();
    const css = codeColoursCss("--shiki-light:#000", [bold!]);
    expect(parseCodeColoursCss(css).get(bold!.className)).toBe(bold!.declarations);
    // lesson.css turns those variables into font properties.
    const lessonCss = readFileSync(path.join(process.cwd(), "app/lesson.css"), "utf8");
    expect(lessonCss).toContain("font-weight: var(--shiki-light-font-weight)");
    expect(lessonCss).toContain("font-weight: var(--shiki-dark-font-weight)");
  });

  it("two colour sets never share a class", () => {
    expect(() =>
      codeColoursCss("", [
        { className: "cx", declarations: "--shiki-light:#000000" },
        { className: "cx", declarations: "--shiki-light:#111111" },
      ]),
    ).toThrow(/stands for both/);
  });

  it("app/code-colours.css is exactly what the lessons need (run npm run content:colours if not)", async () => {
    const report = await checkContent();
    expect(report.diagnostics.filter((d) => d.rule === "code-colours")).toEqual([]);
    expect(report.codeColours.length).toBeGreaterThan(3);
    expect(readFileSync(CODE_COLOURS_FILE, "utf8")).toBe(
      codeColoursCss(await plainCodeColours(), report.codeColours),
    );
  });

  it("content:check names the lesson and line of a colour the stylesheet lacks", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "lectern-colours-")), "code-colours.css");
    writeFileSync(file, codeColoursCss(await plainCodeColours(), []));
    const report = await checkContent({ codeColoursFile: file });
    const stale = report.diagnostics.filter((d) => d.rule === "code-colours");
    expect(stale.length).toBeGreaterThan(0);
    expect(stale[0]).toMatchObject({ severity: "error", file: expect.stringMatching(/\.mdx$/) });
    expect(stale[0]!.message).toMatch(
      /--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6} \(class c[0-9a-z]{4}\)/,
    );
  });
});
