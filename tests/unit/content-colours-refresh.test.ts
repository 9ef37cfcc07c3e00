import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CheckReport, checkContent } from "@/lib/content/check";
import { CODE_COLOURS_FILE, codeColoursCss } from "@/lib/content/code-colours";
import { plainCodeColours } from "@/lib/content/highlight";
import { refreshCodeColours } from "@/scripts/lib/code-colours";

// Authors never run `npm run content:colours` by hand: the build and `content:check --fix`
// regenerate app/code-colours.css from the lessons.

const ROOT = path.resolve(import.meta.dirname, "../..");
let report: CheckReport;

beforeAll(async () => {
  report = await checkContent();
}, 120_000);

describe("code colours regenerate themselves", () => {
  it("a stale stylesheet is rewritten to exactly what the lessons use, and then left alone", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "lectern-colours-")), "code-colours.css");
    writeFileSync(file, codeColoursCss(await plainCodeColours(), []));
    expect(await refreshCodeColours(report, file)).toMatchObject({ status: "written" });
    expect(readFileSync(file, "utf8")).toBe(codeColoursCss(await plainCodeColours(), report.codeColours));
    const stale = await checkContent({ codeColoursFile: file, root: path.join(ROOT, "content/courses") });
    expect(stale.diagnostics.filter((d) => d.rule === "code-colours")).toEqual([]);

    const written = statSync(file).mtimeMs;
    expect(await refreshCodeColours(report, file)).toMatchObject({ status: "current" });
    expect(statSync(file).mtimeMs).toBe(written);
  }, 120_000);

  it("a lesson that does not compile blocks the rewrite and is named", async () => {
    const broken = await checkContent({ root: path.join(ROOT, "tests/fixtures/broken-content") });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "lectern-colours-")), "code-colours.css");
    writeFileSync(file, "/* before */\n");
    const result = await refreshCodeColours(broken, file);
    expect(result.status).toBe("blocked");
    expect(readFileSync(file, "utf8")).toBe("/* before */\n");
  });

  it("npm run content:check -- --fix reports the stylesheet it keeps in line", () => {
    const before = readFileSync(CODE_COLOURS_FILE, "utf8");
    const cli = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/content-check.ts", "--fix"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/✔ app\/code-colours\.css: already current \(\d+ token classes\)/);
    expect(readFileSync(CODE_COLOURS_FILE, "utf8")).toBe(before);
  }, 120_000);

  it("npm run build refreshes the stylesheet before next build", () => {
    const build = readFileSync(path.join(ROOT, "scripts/lib/build.ts"), "utf8");
    expect(build.indexOf("refreshColoursForBuild()")).toBeGreaterThan(-1);
    expect(build.indexOf("refreshColoursForBuild()")).toBeLessThan(build.indexOf('run("next", ["build"]'));
  });
});
