import { expect, type Locator, test } from "@playwright/test";
import { scriptClient } from "../../scripts/lib/prisma-client";
import { E2E_DATABASE_URL } from "../playwright.config";
import { expectNoSidewaysScroll } from "./support/layout";
import { type AuthoredQuestion, authoredQuiz } from "./support/lesson-source";
import { answerQuizWithoutScript, plain } from "./support/quiz";

// A reader without JavaScript takes a quiz through the form's server action: the answers come
// from the form's own fields, the server chooses the submission id, and the page comes back
// graded with what the reader chose. Part 7's quiz has every question type.
const PART7 = "/courses/docker/multi-stage-builds";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");

/** Every answer is still the one chosen (radios, boxes, typed text, order positions). */
async function expectChosen(section: Locator, questions: AuthoredQuestion[]) {
  for (const q of questions) {
    const item = section.locator(`[data-question="${q.id}"]`);
    if (q.type === "single")
      await expect(
        item.getByRole("radio", { name: plain(q.choices!.find((c) => c.correct)!.text), exact: true }),
      ).toBeChecked();
    if (q.type === "multiple")
      for (const c of q.choices!)
        await expect(item.getByRole("checkbox", { name: plain(c.text), exact: true })).toBeChecked({
          checked: Boolean(c.correct),
        });
    if (q.type === "truefalse")
      await expect(item.getByRole("radio", { name: q.answer ? "True" : "False", exact: true })).toBeChecked();
    if (q.type === "fill") await expect(item.getByRole("textbox")).toHaveValue(q.accept![0]!);
    if (q.type === "numeric") await expect(item.getByRole("textbox")).toHaveValue(String(q.answer));
    if (q.type === "order") {
      const texts = await item.locator("[data-order-text]").allTextContents();
      expect(texts, `${q.id} keeps the order chosen`).toEqual(q.items!.map(plain));
    }
  }
}

test("a reader without JavaScript answers, gets a clear error for a missing answer, and is graded once", {
  tag: "@db",
}, async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(PART7);
  const section = page.locator(`[data-quiz="${quiz.id}"]`);
  const types = new Set(quiz.questions.map((q) => q.type));
  expect([...types].sort()).toEqual(["fill", "multiple", "numeric", "order", "single", "truefalse"]);

  // One question left unanswered: its own error, and every other answer still chosen.
  const skipped = quiz.questions.findIndex((q) => q.type === "single");
  const others = quiz.questions.filter((_, i) => i !== skipped);
  await answerQuizWithoutScript(section, others);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("alert")).toHaveText(`Question ${skipped + 1} has no answer`);
  const skippedItem = section.locator(`[data-question="${quiz.questions[skipped]!.id}"]`);
  await expect(skippedItem).toContainText(`Question ${skipped + 1} has no answer`);
  await expectChosen(section, others);
  await expectNoSidewaysScroll(page, "the quiz's error without JavaScript");

  // All answered: graded, passed, and the answers still shown as chosen.
  await answerQuizWithoutScript(section, [quiz.questions[skipped]!]);
  const sent = page.waitForRequest((r) => r.method() === "POST");
  await section.getByRole("button", { name: "Submit answers" }).click();
  const request = await sent;
  const result = section.locator(".quiz-result");
  await expect(result).toContainText(/Your score: (\d+) of \1 \(100%\) — Passed/);
  await expect(section.locator('[data-result="correct"]')).toHaveCount(quiz.questions.length);
  await expect(section.getByTestId("quiz-stats")).toContainText("Attempts: 1");
  await expectChosen(section, quiz.questions);
  await expectNoSidewaysScroll(page, "the graded quiz without JavaScript");

  // The same post again (a reload that resends the form): the attempt is recorded once.
  const again = await context.request.post(PART7, {
    headers: { "content-type": request.headers()["content-type"]! },
    data: request.postDataBuffer()!,
  });
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain("This submission had already been recorded");
  const cookie = (await context.cookies()).find((c) => c.name === "lectern_learner");
  expect(cookie, "the first write set the learner's cookie").toBeTruthy();
  const learnerId = decodeURIComponent(cookie!.value).split(".")[0]!;
  const db = scriptClient(E2E_DATABASE_URL);
  try {
    expect(await db.quizAttempt.count({ where: { learnerId, quizId: quiz.id } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
  await context.close();
});
