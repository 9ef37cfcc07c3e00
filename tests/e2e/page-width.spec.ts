import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { seedComment } from "./support/comments";
import { expectNoSidewaysScroll, LONG_URL, LONG_WORD, WIDTHS } from "./support/layout";

// Every page type, at a phone's and a laptop's width, is no wider than the viewport; the lesson
// and its discussion page hold a thread with a 5,000-character word and a long URL.

const LESSON = "/courses/docker/production";

test("no page type is wider than the viewport at 390 and 1280 px", async ({ page }) => {
  test.setTimeout(180_000);
  const instructor = await createAccount("instructor", "Width Wanda");
  await signIn(page, instructor.email);
  // Stored directly (rendered as posting renders them): this test is about width, not the form.
  for (const body of [LONG_WORD, `Read ${LONG_URL} first`])
    await seedComment({ authorEmail: instructor.email, course: "docker", lesson: "production", body });
  await page.goto(LESSON);
  await expect(page.locator("[data-comment]")).toHaveCount(2);

  const pages = [
    "/",
    "/about",
    "/courses/docker",
    LESSON,
    "/courses/docker/multi-stage-builds",
    `${LESSON}/discussion`,
    "/progress",
    "/account",
    "/instructor",
    "/instructor/quizzes",
    "/instructor/learners",
    "/instructor/preview",
    "/moderation",
    "/no-such-page",
  ];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      if (path === LESSON) await expect(page.locator("[data-comment]")).toHaveCount(2);
      await expectNoSidewaysScroll(page, `${path} at ${width}px`);
    }
  }
  // Signed out: the sign-in and sign-up forms.
  const visitor = await (await page.context().browser()!.newContext()).newPage();
  for (const width of WIDTHS) {
    await visitor.setViewportSize({ width, height: 900 });
    for (const path of ["/sign-in", "/sign-up"]) {
      await visitor.goto(path);
      await expectNoSidewaysScroll(visitor, `${path} at ${width}px`);
    }
  }
});
