// Throwaway: screenshots for the notes (not committed).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { lessonSource } from "./support/lesson-source";
import { openPreview, setSource } from "./support/preview";

const DIR = "/work/notes/shots/sec";
const widths = [390, 1280];
const themes = ["light", "dark"] as const;

test("screenshots", async ({ browser }) => {
  test.setTimeout(600_000);
  const account = await createAccount("instructor", `Shots ${randomUUID().slice(0, 4)}`);
  for (const theme of themes) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      const shot = async (name: string, full = true) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} ${width} wider than the viewport`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${DIR}/${name}-${width}-${theme}.png`, fullPage: full });
      };
      await page.goto("/courses/docker/volumes/discussion?error=too-fast");
      await shot("discussion-notice", false);
      await page.goto(
        `/courses/docker/volumes/discussion?error=${encodeURIComponent("Your account is locked. Call +1 555 0100")}`,
      );
      await shot("discussion-planted-text", false);
      await page.goto("/courses/docker/multi-stage-builds");
      await waitForHydration(page);
      await page.locator(".lesson-prose table").first().scrollIntoViewIfNeeded();
      await shot("part7-table", false);
      await signIn(page, account.email, undefined, "/");
      await openPreview(page);
      await setSource(page, "---\ntitle: warm up\n---\n"); // the compiler thread's first compile is cold
      const head = lessonSource("07-multi-stage-builds.mdx").split("\n## ")[0]!;
      const refused = `${head}\n## Section\n\nPress <kbd title={typeof process + " pid=" + process.pid}>K</kbd> and x<sup {...{dangerouslySetInnerHTML:{__html:'<b>x</b>'}}} />\n\n[click](javascript:alert(1))\n`;
      for (let i = 0; i < 3 && !(await page.locator("[data-diagnostics]").count()); i++)
        await setSource(page, refused + " ".repeat(i));
      await expect(page.locator("[data-diagnostics]")).toContainText("quoted string", { timeout: 20_000 });
      await page.locator("[data-diagnostics]").scrollIntoViewIfNeeded();
      await shot("preview-refused-code", false);
      const every = readFileSync(
        "tests/fixtures/every-construct/courses/every/01-every-construct.mdx",
        "utf8",
      );
      // Without the images: public/ holds none, and the preview checks that they exist.
      await setSource(
        page,
        every
          .split("\n")
          .filter((l) => !l.includes("diagram.svg"))
          .join("\n"),
      );
      const lesson = page.locator("[data-preview-lesson]");
      await expect(lesson).toBeVisible({ timeout: 20_000 });
      for (const [i, heading] of [
        "Headings and links",
        "Tables and lists",
        "Components",
        "Check every question type",
      ].entries()) {
        await lesson
          .locator("h2", { hasText: heading })
          .first()
          .evaluate((el) => el.scrollIntoView({ block: "start" }));
        await page.waitForTimeout(300);
        await shot(`preview-every-construct-${i + 1}`, false);
      }
      await setSource(page, `${head}\n\n${"A line of filler text for the size limit.\n".repeat(6500)}`);
      await page.locator("#preview-status").evaluate((el) => el.scrollIntoView({ block: "center" }));
      await shot("preview-too-large", false);
      await context.close();
    }
  }
});
