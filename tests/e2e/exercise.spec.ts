import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expectNoSidewaysScroll } from "./support/layout";
import { expectNoSecrets, recordResponses } from "./support/leaks";
import { authoredQuiz, lessonWithOneExercise } from "./support/lesson-source";
import { answerQuiz, openQuiz } from "./support/quiz";

// Exercises from the learner's side (issue 20): fail → hint → fix → pass → lesson complete, the
// keyboard, the form without JavaScript, and what a response may carry before the reveal rule.

const target = lessonWithOneExercise();
const LESSON = target.path;
const exercise = target.exercise;
const quiz = authoredQuiz(target.file);

async function openExercise(page: Page, path = LESSON): Promise<Locator> {
  await page.goto(path);
  await waitForHydration(page);
  const section = page.locator(`[data-exercise="${exercise.id}"]`);
  await section.scrollIntoViewIfNeeded();
  return section;
}

/** Replaces the editor's text the way a learner would: select all, then type (paste) the new text. */
async function typeInEditor(page: Page, section: Locator, text: string) {
  await section.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.insertText(text);
}

const failedChecks = (section: Locator) => section.locator('[data-check][data-passed="false"]');

test("a learner fails, asks for a hint, fixes the Dockerfile and passes; with the quiz passed the part completes", {
  tag: "@db",
}, async ({ page }) => {
  // A long walk (a quiz, four submissions, two page loads) on a machine shared with other work.
  test.setTimeout(180_000);
  // The quiz first: with both a quiz and an exercise, the lesson waits for the exercise too.
  const quizSection = await openQuiz(page, LESSON, quiz.id);
  await answerQuiz(quizSection, quiz.questions, true);
  await quizSection.getByRole("button", { name: "Submit answers" }).click();
  // Grading goes through the lesson's server action, which renders the page again: on the shared
  // machine that has taken over 7 s.
  await expect(quizSection.locator(".quiz-result")).toContainText("also asks you to pass its exercises", {
    timeout: 30_000,
  });
  await expect(page.getByText("You completed this part")).toHaveCount(0);

  const section = await openExercise(page);
  // The editor arrives when the learner focuses the Dockerfile, holding the starter.
  const area = section.getByRole("textbox", { name: "Your Dockerfile" });
  await expect(area).toHaveValue(exercise.starter.replace(/\n$/, "\n"));
  await expect(section.locator(".cm-editor")).toHaveCount(0);
  await area.focus();
  await expect(section.locator(".cm-editor")).toBeVisible();
  await expect(section.locator(".cm-lineNumbers")).toBeVisible();

  // Fail: each check passed or failed with its description; a failed one shows its first hint.
  await section.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(section.locator(".exercise-result")).toContainText("Not yet");
  const failed = failedChecks(section).first();
  const failedId = await failed.getAttribute("data-check");
  const authored = exercise.checks.find((c) => c.id === failedId)!;
  await expect(failed).toContainText(authored.description);
  await expect(failed).toContainText(`Hint 1: ${authored.hints[0]}`);
  if (authored.hints.length > 1) await expect(section.getByText(authored.hints[1]!)).toHaveCount(0);
  await expect(section).toContainText(/opens once you pass, or after \d+ attempts \(1 so far\)/);

  // A check's line moves the editor's cursor there.
  const lineButton = section.getByRole("button", { name: /^Go to line \d+/ }).first();
  if (await lineButton.count()) {
    const line = Number((await lineButton.textContent())!.replace(/\D/g, ""));
    await lineButton.click();
    await expect(section.locator(".cm-activeLine")).toHaveText(exercise.starter.split("\n")[line - 1]!);
  }

  // More hints: the next one, recorded on the server (it is still there after a reload).
  if (authored.hints.length > 1) {
    await failed.getByRole("button", { name: /More hints/ }).click();
    await expect(failed).toContainText(`Hint 2: ${authored.hints[1]}`);
  }
  await expectNoAxeViolations(page, "an exercise with a failed result");

  // Fix and pass: the lesson is complete, the solution may be shown.
  await typeInEditor(page, section, exercise.solution);
  await section.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(section.locator(".exercise-result")).toContainText("Passed: all");
  await expect(section.locator(".exercise-result")).toContainText("This part is now marked complete.");
  await expect(page.getByText("You completed this part")).toBeVisible();
  await section.getByRole("link", { name: "Show solution" }).click();
  await expect(section.getByRole("heading", { name: "A reference solution" })).toBeVisible();
  await expect(section.locator("pre").last()).toContainText(exercise.solution.split("\n")[0]!);
  await expectNoSidewaysScroll(page, "the lesson with a passed exercise");

  // Progress reflects it, and a reload shows the latest result and the hints asked for.
  await page.goto("/progress");
  await expect(page.locator(`[data-lesson="${target.slug}"] [data-status]`)).toContainText("Completed");
  const again = await openExercise(page);
  await expect(again.locator(".exercise-result")).toContainText("Passed: all");
});

test("Tab indents in the editor; Escape then Tab leaves it, and Reset asks before restoring the starter", async ({
  page,
}) => {
  const section = await openExercise(page);
  await section.getByRole("textbox", { name: "Your Dockerfile" }).focus();
  const content = section.locator(".cm-content");
  await expect(content).toBeFocused();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Tab");
  await expect(content).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(content).not.toBeFocused();
  await expect(section.getByRole("button", { name: "Check my Dockerfile" })).toBeFocused();

  await typeInEditor(page, section, "FROM scratch");
  page.once("dialog", (d) => void d.dismiss());
  await section.getByRole("button", { name: "Reset to starter" }).click();
  await expect(content).toContainText("FROM scratch");
  // The draft outlives a reload (this browser), then Reset (accepted) restores the starter.
  await page.reload();
  await waitForHydration(page);
  await expect(section.getByRole("textbox", { name: "Your Dockerfile" })).toHaveValue("FROM scratch");
  page.once("dialog", (d) => void d.accept());
  await section.getByRole("button", { name: "Reset to starter" }).click();
  await expect(section.getByRole("textbox", { name: "Your Dockerfile" })).toHaveValue(exercise.starter);
});

test("without JavaScript the form posts, keeps a refused Dockerfile, shows results and gives more hints", {
  tag: "@db",
}, async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LESSON);
  const section = page.locator(`[data-exercise="${exercise.id}"]`);
  const area = section.getByRole("textbox", { name: "Your Dockerfile" });
  await expect(section.getByRole("button", { name: "Reset to starter" })).toHaveCount(0);

  // Bad input: a clear message on the exercise's page, the textarea holding what was sent.
  const stages = Array.from({ length: 60 }, (_, i) => `FROM alpine AS s${i}\nRUN echo ${i}`).join("\n");
  await area.fill(stages);
  await section.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(page).toHaveURL(new RegExp(`/exercises/${exercise.id}$`));
  const onPage = page.locator(`[data-exercise="${exercise.id}"]`);
  await expect(onPage.getByRole("alert")).toContainText("60 FROM lines");
  expect((await onPage.getByRole("textbox", { name: "Your Dockerfile" }).inputValue()).length).toBe(
    stages.length,
  );

  // The starter: redirected to the attempt's result, with the first hints.
  await onPage.getByRole("textbox", { name: "Your Dockerfile" }).fill(exercise.starter);
  await onPage.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(page).toHaveURL(/\?attempt=\w+/);
  await expect(onPage.locator(".exercise-result")).toContainText("Not yet");
  await expect(onPage.getByRole("textbox", { name: "Your Dockerfile" })).toHaveValue(exercise.starter);
  const failed = failedChecks(onPage).first();
  const failedId = await failed.getAttribute("data-check");
  const authored = exercise.checks.find((c) => c.id === failedId)!;
  if (authored.hints.length > 1) {
    await failed.getByRole("button", { name: /More hints/ }).click();
    await expect(failedChecks(onPage).first()).toContainText(`Hint 2: ${authored.hints[1]}`);
  }
  await onPage.getByRole("textbox", { name: "Your Dockerfile" }).fill(exercise.solution);
  await onPage.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(onPage.locator(".exercise-result")).toContainText("Passed: all");
  await onPage.getByRole("link", { name: "Show solution" }).click();
  await expect(onPage.getByRole("heading", { name: "A reference solution" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the exercise page without JavaScript");
  await context.close();
});

test("checks, hints not asked for and the solution reach no response before the reveal rule allows", {
  tag: "@db",
}, async ({ page }) => {
  const bodies = await recordResponses(page);
  const section = await openExercise(page);
  const hidden = (asked: Record<string, number>) =>
    exercise.checks.flatMap((c) => c.hints.slice((asked[c.id] ?? -1) + 1));
  // Before any submission: no descriptions, no hints, no solution, no check parameters.
  const before = [
    exercise.solution,
    ...exercise.checks.map((c) => c.description),
    ...exercise.checks.flatMap((c) => c.hints),
  ];
  await page.waitForLoadState("networkidle");
  expectNoSecrets(bodies, before, /"(kind|allowed|keyword|solution)"\s*:/);

  // A failed attempt: the first hint of each failed check only; one more hint asked for one check.
  await section.getByRole("textbox", { name: "Your Dockerfile" }).focus();
  await section.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(section.locator(".exercise-result")).toContainText("Not yet");
  const failedIds = await failedChecks(section).evaluateAll((els) =>
    els.map((e) => e.getAttribute("data-check")!),
  );
  const asked: Record<string, number> = Object.fromEntries(failedIds.map((id) => [id, 0]));
  const withMore = exercise.checks.find((c) => failedIds.includes(c.id) && c.hints.length > 2);
  if (withMore) {
    await section
      .locator(`[data-check="${withMore.id}"]`)
      .getByRole("button", { name: /More hints/ })
      .click();
    await expect(section.locator(`[data-check="${withMore.id}"]`)).toContainText("Hint 2:");
    asked[withMore.id] = 1;
  }
  // Asking for the solution too early is refused with a reason (and sends nothing).
  const early = await page.request.post("/api/learner/exercise-solutions", {
    data: {
      course: "docker",
      lesson: target.slug,
      exerciseId: exercise.id,
      version: await section.getAttribute("data-version"),
    },
  });
  expect(early.status(), await early.text()).toBe(403);
  expect(await early.text()).not.toContain(exercise.solution.slice(0, 40));
  await page.reload();
  await page.waitForLoadState("networkidle");
  expectNoSecrets(bodies, [exercise.solution, ...hidden(asked)], /"(kind|allowed|keyword|solution)"\s*:/);
});

async function signedIn(browser: Browser, role: "learner" | "instructor") {
  const account = await createAccount(role, `${role} exercises`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email);
  return { context, page };
}

test("an instructor sees each exercise's attempts, pass rate, hardest checks and anonymised submissions, and a CSV", {
  tag: "@db",
}, async ({ browser }) => {
  // A signed-in learner fails once (their draft is kept with the account), then passes.
  const learner = await signedIn(browser, "learner");
  const section = await openExercise(learner.page);
  await section.getByRole("textbox", { name: "Your Dockerfile" }).focus();
  await section.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(section.locator(".exercise-result")).toContainText("Not yet");
  await typeInEditor(learner.page, section, exercise.solution);
  await section.getByRole("button", { name: "Check my Dockerfile" }).click();
  await expect(section.locator(".exercise-result")).toContainText("Passed: all");
  await learner.context.close();

  const staff = await signedIn(browser, "instructor");
  await staff.page.goto("/instructor/exercises");
  const report = staff.page.locator(`[data-exercise-analysis="${exercise.id}"]`).first();
  await expect(report.locator('[data-stat="Attempts"] dd')).not.toHaveText("0");
  await expect(report.locator('[data-stat="Pass rate"] dd')).toContainText("%");
  await expect(report.locator("[data-checks]")).toContainText(exercise.checks[0]!.description);
  await report.getByText(/submissions? that failed/).click();
  await expect(report.locator("figure pre").first()).toContainText("FROM");
  await expect(report).not.toContainText("@example.test");
  await expectNoAxeViolations(staff.page, "exercise item analysis");
  const csv = await staff.page.request.get("/instructor/exercises/export");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("level,course,part,lesson,exercise");
  expect(text).toContain(`exercise,docker,${target.part},${target.slug},${exercise.id}`);
  await staff.context.close();

  // Learners get the instructor's 404, for the page and the CSV alike.
  const other = await signedIn(browser, "learner");
  expect((await other.page.request.get("/instructor/exercises/export")).status()).toBe(404);
  await other.context.close();
});
