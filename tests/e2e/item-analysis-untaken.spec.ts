import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { expectNoSidewaysScroll } from "./support/layout";

test("quizzes nobody has taken are one 'no attempts yet' line each, with no empty figures", {
  tag: "@db",
}, async ({ page }) => {
  const instructor = await createAccount("instructor", "Analysing Ann");
  await signIn(page, instructor.email);
  await page.goto("/instructor/quizzes");
  // No spec answers Part 1's quiz.
  const untaken = page.locator('[data-quiz-analysis^="what-is-docker/"]');
  await expect(untaken).toHaveCount(1);
  await expect(untaken).toContainText("no attempts yet");
  await expect(untaken.locator("dl, table, [data-stat]")).toHaveCount(0);
  for (const quiz of await page.locator("[data-quiz-analysis][data-no-attempts]").all()) {
    await expect(quiz.locator("dl, table")).toHaveCount(0);
    expect((await quiz.boundingBox())!.height).toBeLessThan(60);
  }
  await expectNoSidewaysScroll(page, "item analysis");
});
