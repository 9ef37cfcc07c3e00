import { rmSync, writeFileSync } from "node:fs";
import { expect, type Locator, test } from "@playwright/test";
import { suiteClockFile } from "./support/database";
import { expectNoSidewaysScroll } from "./support/layout";
import { authoredQuiz } from "./support/lesson-source";
import { answerQuizWithoutScript, plain } from "./support/quiz";

// Screenshots for a person to look at: spaced review without JavaScript, from the graded quiz's
// "Add to review" (offered, added, refused) to /review (a card, rated, nothing due), at both widths
// in both themes (the theme from the reader's system setting):
// LECTERN_SHOTS_DIR=/path npx playwright test -c tests/playwright.config.ts review-no-javascript-shots
// Skipped in the normal suite. It moves the server's review clock, as review.spec.ts does.

const dir = process.env.LECTERN_SHOTS_DIR;
test.skip(!dir, "screenshots only when LECTERN_SHOTS_DIR is set");

const PART7 = "/courses/docker/multi-stage-builds";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");
const finalStage = quiz.questions.find((q) => q.id === "final-stage")!;
const indexBase = quiz.questions.find((q) => q.id === "index-base")!;
const CLOCK = suiteClockFile();

test.afterEach(() => rmSync(CLOCK, { force: true }));

for (const width of [390, 1280] as const)
  for (const theme of ["light", "dark"] as const)
    test(`review without JavaScript at ${width}, ${theme}`, { tag: "@db" }, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
        colorScheme: theme,
      });
      const page = await context.newPage();
      const shot = async (state: string, target?: Locator) => {
        await expectNoSidewaysScroll(page, `${state} at ${width}`);
        const path = `${dir}/${state}-${width}-${theme}.png`;
        await (target ? target.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
      };
      /** What the reader sees on arrival: the window only. */
      const view = async (state: string) => {
        // The lesson streams in for a while after the question is there: the window once it has loaded.
        await page.waitForLoadState("load");
        await expectNoSidewaysScroll(page, `${state} at ${width}`);
        await page.screenshot({ path: `${dir}/${state}-${width}-${theme}.png` });
      };
      await page.goto(PART7);
      const section = page.locator(`[data-quiz="${quiz.id}"]`);
      await answerQuizWithoutScript(section, quiz.questions);
      await section.getByRole("button", { name: "Submit answers" }).click();
      await expect(section.locator(".quiz-result")).toBeVisible({ timeout: 20_000 });
      const item = section.locator(`[data-question="${finalStage.id}"]`);
      await shot("quiz-graded-add", item);

      await item.getByRole("button", { name: "Add to review" }).click();
      await expect(item.locator("[data-in-review]")).toContainText("Added to your review");
      await view("quiz-added-arrival");
      await shot("quiz-added", item);

      // Refused: the post names a question the quiz does not have.
      await page.route(PART7, (route) => {
        const body = route.request().postDataBuffer()?.toString("latin1") ?? "";
        const changed = body.replace(`\r\n\r\n${indexBase.id}\r\n`, "\r\n\r\nno-such-question\r\n");
        return route.continue({ postData: Buffer.from(changed, "latin1") });
      });
      await section
        .locator(`[data-question="${indexBase.id}"]`)
        .getByRole("button", { name: "Add to review" })
        .click();
      const alert = section.getByRole("alert");
      await expect(alert).toBeVisible();
      await alert.scrollIntoViewIfNeeded();
      await view("quiz-add-refused");
      await page.unroute(PART7);

      writeFileSync(CLOCK, String(3 * 86_400_000));
      await page.goto("/review");
      await expect(page.locator("form.review-card")).toBeVisible();
      await shot("review-card");
      const right = finalStage.choices!.find((c) => c.correct)!;
      await page.getByRole("radio", { name: plain(right.text), exact: true }).check();
      await page.getByRole("button", { name: "Check answer" }).click();
      await expect(page.locator(".review-outcome")).toBeVisible();
      await shot("review-rated");
      await page.getByRole("link", { name: "Done for now" }).click();
      await expect(page.getByRole("heading", { name: "Nothing due" })).toBeVisible();
      await shot("review-nothing-due");
      await context.close();
    });
