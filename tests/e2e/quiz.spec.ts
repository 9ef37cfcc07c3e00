import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expectNoSecrets, recordResponses } from "./support/leaks";
import { authoredQuiz, lessonSource } from "./support/lesson-source";
import { answerQuiz, openQuiz } from "./support/quiz";

const PART7 = "/courses/docker/multi-stage-builds";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");

const openPart7Quiz = (page: Page) => openQuiz(page, PART7, quiz.id);
const PART8 = "/courses/docker/compose";
const part8Quiz = authoredQuiz("08-compose.mdx");
/** Where the quiz island sends a submission (the same write as the form's server action). */
const QUIZ_ROUTE = "/api/learner/quiz-attempts";

test("a learner fails the quiz, reads the feedback, tries again and passes; the part is then complete everywhere", {
  tag: "@db",
}, async ({ page }) => {
  // Part 8: its quiz alone completes it (Part 7 also asks for its exercises, by its default rule).
  const section = await openQuiz(page, PART8, part8Quiz.id);
  await expect(section.getByTestId("quiz-stats")).toHaveText("Not attempted yet.");
  await answerQuiz(section, part8Quiz.questions, false);
  await section.getByRole("button", { name: "Submit answers" }).click();
  const result = section.locator(".quiz-result");
  await expect(result).toContainText(`Your score: 0 of ${part8Quiz.questions.length}`);
  await expect(result).toContainText("Not passed");
  await expect(result).toBeFocused();
  await expect(section.locator('[data-result="incorrect"]')).toHaveCount(part8Quiz.questions.length);
  // Feedback explains each wrong choice picked; the answers themselves wait until a pass.
  const explained = part8Quiz.questions.find((q) => q.type === "single")!;
  const picked = explained.choices!.find((c) => !c.correct)!;
  await expect(section.locator(`[data-question="${explained.id}"]`)).toContainText(
    picked.explanation!.replace(/`/g, "").slice(0, 30),
  );
  await expect(section.locator(`[data-question="${explained.id}"]`)).toContainText(
    "The correct answers are shown once you pass.",
  );

  await section.getByRole("button", { name: "Start over" }).click();
  await expect(section.locator(".quiz-result")).toHaveCount(0);
  await expect(section.getByRole("radio", { checked: true })).toHaveCount(0);
  await answerQuiz(section, part8Quiz.questions, true);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText(
    `Your score: ${part8Quiz.questions.length} of ${part8Quiz.questions.length} (100%) — Passed`,
  );
  await expect(section.getByTestId("quiz-stats")).toContainText(
    `Best: ${part8Quiz.questions.length}/${part8Quiz.questions.length}`,
  );
  await expect(section.getByTestId("quiz-stats")).toContainText("Attempts: 2");

  await page.setViewportSize({ width: 1280, height: 900 });
  const sidebar = page.getByRole("navigation", { name: /parts$/ }).last();
  await expect(sidebar.locator('[data-completed="compose"]')).toBeVisible();

  await page.goto("/courses/docker");
  await expect(page.locator('[data-part="8"] [data-completed="compose"]')).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Course progress" })).toHaveAttribute(
    "aria-valuenow",
    "1",
  );
  // Part 8 was the last part read, and it is complete: the main button goes on to Part 9.
  await expect(page.getByTestId("course-cta")).toHaveText("Continue: Part 9");

  await page.goto("/progress");
  await expect(page.locator('[data-lesson="compose"] [data-status]')).toContainText("Completed");
  await expect(page.locator("[data-attempt]")).toHaveCount(2);

  await page.reload();
  await expect(page.locator('[data-lesson="compose"] [data-status]')).toContainText("Completed");
});

test("two browsers have separate progress", { tag: "@db" }, async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await pageA.goto("/courses/docker/volumes");
  await waitForHydration(pageA);
  await pageA.getByRole("button", { name: "Mark as complete" }).click();
  await expect(pageA.getByText("You completed this part")).toBeVisible();
  await pageB.goto("/courses/docker/volumes");
  await waitForHydration(pageB);
  await expect(pageB.getByRole("button", { name: "Mark as complete" })).toBeEnabled();
  await expect(pageB.getByText("You completed this part")).toHaveCount(0);
  await pageB.goto("/progress");
  await expect(pageB.getByText("Nothing recorded yet.")).toBeVisible();
  await a.close();
  await b.close();
});

test("no response the browser receives before submitting contains an answer or explanation", async ({
  page,
}) => {
  const bodies = await recordResponses(page);
  await page.goto(PART7);
  await waitForHydration(page);
  // Client-side navigation fetches the RSC payload too.
  await page.goto("/courses/docker");
  await page.getByRole("link", { name: "Multi-Stage Builds — Optimize Your Images" }).first().click();
  await expect(page).toHaveURL(new RegExp(PART7));
  await page.waitForLoadState("networkidle");
  expect(bodies.length).toBeGreaterThan(3);
  expect(bodies.some((b) => /x-component|text\/x-component/.test(b.url) || b.text.includes(quiz.id))).toBe(
    true,
  );
  // Explanations that repeat the lesson's own prose are not secrets; the rest must not leak.
  const prose = lessonSource("07-multi-stage-builds.mdx").replace(/```quiz[\s\S]*?```/, "");
  const secrets = quiz.questions
    .flatMap((q) => [q.explanation, ...(q.choices ?? []).map((c) => c.explanation)])
    .filter((s): s is string => Boolean(s && s.length > 25 && !prose.includes(s.slice(0, 40))));
  expect(secrets.length).toBeGreaterThan(5);
  expectNoSecrets(
    bodies,
    secrets,
    /\\?"correct\\?"\s*:\s*true|\\?"accept\\?"\s*:\s*\[|\\?"tolerance\\?"\s*:\s*\d/,
  );
});

test("a double click on submit records one attempt", { tag: "@db" }, async ({ page }) => {
  const section = await openPart7Quiz(page);
  await answerQuiz(section, quiz.questions, true);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes(QUIZ_ROUTE)) posts.push(r.postData() ?? "");
  });
  // Both clicks land before the page can disable the button (a quick double click on a busy
  // device), so the server really receives the submission twice.
  await section.getByRole("button", { name: "Submit answers" }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  // The page sends the second submission once the first is answered: two round trips.
  await expect(section.locator(".quiz-result")).toContainText("Passed", { timeout: 15_000 });
  await expect.poll(() => posts.length).toBe(2);
  const ids = posts.map((body) => (JSON.parse(body) as { submissionId?: string }).submissionId);
  expect(ids[0]).toBeTruthy();
  expect(ids[1]).toBe(ids[0]);
  await expect(section.locator(".quiz-result")).toContainText("it was not counted twice");
  await expect(section.getByTestId("quiz-stats")).toContainText("Attempts: 1");
  await page.goto("/progress");
  await expect(page.locator("[data-attempt]")).toHaveCount(1);
});

test("a replayed submission is not counted twice", { tag: "@db" }, async ({ page }) => {
  const section = await openPart7Quiz(page);
  await answerQuiz(section, quiz.questions, false);
  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes(QUIZ_ROUTE));
  await section.getByRole("button", { name: "Submit answers" }).click();
  const request = await posted;
  await expect(section.locator(".quiz-result")).toBeVisible();
  const replay = await page.request.fetch(request.url(), {
    method: "POST",
    headers: request.headers(),
    data: request.postDataBuffer() ?? undefined,
  });
  expect(replay.status()).toBe(200);
  await page.goto("/progress");
  await expect(page.locator("[data-attempt]")).toHaveCount(1);
});

test("submitting with unanswered questions stores nothing and says what is missing", { tag: "@db" }, async ({
  page,
}) => {
  const section = await openPart7Quiz(page);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("alert")).toContainText(/need an answer|has no answer/);
  await expect(section.getByRole("alert")).toBeFocused();
  await page.goto("/progress");
  await expect(page.getByText("Nothing recorded yet.")).toBeVisible();
});

test("the quiz has no axe violations unanswered, answered and with results", async ({ page }) => {
  test.setTimeout(90_000); // a full-page scan of the longest lesson
  const section = await openPart7Quiz(page);
  // The page around the quiz, unanswered, is course.spec's scan of Part 7; answering changes the
  // quiz alone. Grading also updates the progress shown elsewhere on the page: a full scan.
  await expectNoAxeViolations(page, "quiz unanswered", section);
  await answerQuiz(section, quiz.questions, false);
  await expectNoAxeViolations(page, "quiz answered", section);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toBeVisible();
  await expectNoAxeViolations(page, "quiz results");
});
