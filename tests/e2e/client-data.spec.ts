import { expect, type Route, test } from "@playwright/test";
import { waitForHydration } from "./support/hydration";
import { authoredQuiz } from "./support/lesson-source";
import { answerQuiz } from "./support/quiz";

// A part that its quiz alone completes (a part with exercises also asks for them: its
// frontmatter `completion` rule), so one graded quiz changes the quiz, the part and the sidebar.
const PART8 = "/courses/docker/compose";
const quiz = authoredQuiz("08-compose.mdx");

test("a slow, older answer about the learner's progress never overwrites a newer one", async ({ page }) => {
  // Record each JSON body the page finishes reading, so the test knows when the page has the
  // held answer in hand (rather than sleeping and hoping).
  await page.addInitScript(() => {
    const read: string[] = [];
    (window as unknown as { __jsonRead: string[] }).__jsonRead = read;
    const json = Response.prototype.json;
    Response.prototype.json = async function (this: Response) {
      const value = await json.call(this);
      read.push(this.url);
      return value;
    };
  });
  // The page's first progress request is answered late, with the state from when it was made.
  let held: { route: Route; response: Awaited<ReturnType<Route["fetch"]>> } | null = null;
  await page.route("**/api/learner/progress?course=docker", async (route) => {
    if (held) return route.continue();
    held = { route, response: await route.fetch() };
  });

  await page.goto(PART8);
  await waitForHydration(page);
  await expect.poll(() => held !== null).toBe(true);

  const section = page.locator(`[data-quiz="${quiz.id}"]`);
  await section.scrollIntoViewIfNeeded();
  await answerQuiz(section, quiz.questions, true);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Passed");
  const stats = section.getByTestId("quiz-stats");
  await expect(stats).toContainText("Attempts: 1");
  await expect(page.getByText("You completed this part")).toBeVisible();

  // Now the old answer (no attempts, not complete) arrives.
  const stale = held!;
  const readBefore = await page.evaluate(
    () => (window as unknown as { __jsonRead: string[] }).__jsonRead.length,
  );
  await stale.route.fulfill({ response: stale.response });
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __jsonRead: string[] }).__jsonRead
        .slice(n)
        .some((url) => url.includes("/api/learner/progress")),
    readBefore,
  );
  // Two frames: React has rendered whatever the page did with it.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  await expect(stats).toContainText("Attempts: 1");
  await expect(page.getByText("You completed this part")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as not complete" })).toBeVisible();
});

test("a graded quiz updates every island from the write's own answer, with no second request", async ({
  page,
}) => {
  const progressRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/learner/progress")) progressRequests.push(r.url());
  });
  await page.goto(PART8);
  await waitForHydration(page);
  const section = page.locator(`[data-quiz="${quiz.id}"]`);
  await section.scrollIntoViewIfNeeded();
  await expect.poll(() => progressRequests.length).toBe(1);
  await answerQuiz(section, quiz.questions, true);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Passed");
  await expect(section.getByTestId("quiz-stats")).toContainText("Attempts: 1");
  await expect(page.getByText("You completed this part")).toBeVisible();
  // The sidebar's checkmark for this part reads the same shared progress.
  await expect(page.locator('[data-completed="compose"]')).not.toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(progressRequests).toHaveLength(1);
});
