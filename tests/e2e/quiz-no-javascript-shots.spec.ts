import { expect, test } from "@playwright/test";
import { expectNoSidewaysScroll } from "./support/layout";
import { authoredQuiz } from "./support/lesson-source";
import { answerQuiz, answerQuizWithoutScript } from "./support/quiz";

// Screenshots for a person to look at: Part 7's quiz without JavaScript, empty, with one answer
// missing, and graded, at both widths in both themes (the theme from the reader's system setting:
// without JavaScript there is no toggle):
// LECTERN_SHOTS_DIR=/path npx playwright test -c tests/playwright.config.ts quiz-no-javascript-shots
// Skipped in the normal suite.

const dir = process.env.LECTERN_SHOTS_DIR;
test.skip(!dir, "screenshots only when LECTERN_SHOTS_DIR is set");

const PART7 = "/courses/docker/multi-stage-builds";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");

for (const width of [390, 1280] as const)
  for (const theme of ["light", "dark"] as const)
    test(`the quiz without JavaScript at ${width}, ${theme}`, { tag: "@db" }, async ({ browser }) => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
        colorScheme: theme,
      });
      const page = await context.newPage();
      await page.goto(PART7);
      const section = page.locator(`[data-quiz="${quiz.id}"]`);
      const shot = async (state: string) => {
        await expectNoSidewaysScroll(page, `${state} at ${width}`);
        await section.screenshot({ path: `${dir}/quiz-${state}-${width}-${theme}.png` });
      };
      await shot("empty");
      const [first, ...rest] = quiz.questions;
      await answerQuizWithoutScript(section, rest);
      await section.getByRole("button", { name: "Submit answers" }).click();
      await expect(section.getByRole("alert")).toBeVisible();
      await shot("error");
      await answerQuiz(section, [first!], false);
      await section.getByRole("button", { name: "Submit answers" }).click();
      await expect(section.locator(".quiz-result")).toBeVisible();
      await shot("graded");
      await context.close();
    });
