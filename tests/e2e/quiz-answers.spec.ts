import { expect, type Locator, type Page, test } from "@playwright/test";
import { authoredQuiz, lessonSource } from "./support/lesson-source";
import { answerQuiz, openQuiz, plain } from "./support/quiz";

// What a learner sees of their own answers in every state of a quiz, and what a failed attempt
// may reveal (issue 18, items 1, 2, 3, 8 and 12).

const PART7 = "/courses/docker/multi-stage-builds";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");
const single = quiz.questions.find((q) => q.type === "single")!;
const multiple = quiz.questions.find((q) => q.type === "multiple")!;
const order = quiz.questions.find((q) => q.type === "order")!;

const openPart7Quiz = (page: Page) => openQuiz(page, PART7, quiz.id);

const wrongChoice = (q: typeof single) => q.choices!.find((c) => !c.correct)!;
const question = (section: Locator, id: string) => section.locator(`[data-question="${id}"]`);

test("ticked answers stay ticked while grading, after grading and after an error, each marked right or wrong", {
  tag: "@db",
}, async ({ page }) => {
  const section = await openPart7Quiz(page);
  // Partly answered: two questions, then submit. The error names the rest; the ticks stay.
  const pick = wrongChoice(single);
  await question(section, single.id)
    .getByRole("radio", { name: plain(pick.text), exact: true })
    .check();
  const rightMultiple = multiple.choices!.filter((c) => c.correct);
  for (const c of rightMultiple)
    await question(section, multiple.id)
      .getByRole("checkbox", { name: plain(c.text), exact: true })
      .check();
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("alert")).toContainText(/need an answer|has no answer/);
  await expect(
    question(section, single.id).getByRole("radio", { name: plain(pick.text), exact: true }),
  ).toBeChecked();
  await expect(question(section, multiple.id).getByRole("checkbox", { checked: true })).toHaveCount(
    rightMultiple.length,
  );

  // Everything answered wrong, submitted: while grading and after it, the ticks stay.
  await answerQuiz(section, quiz.questions, false);
  let release: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  // The island posts the graded answers as JSON to the quiz-attempts route (no page re-render).
  await page.route("**/api/learner/quiz-attempts", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("button", { name: "Grading…" })).toBeDisabled();
  const picked = question(section, single.id).getByRole("radio", { name: plain(pick.text), exact: true });
  await expect(picked).toBeChecked();
  release();
  await expect(section.locator(".quiz-result")).toContainText("Not passed");
  await expect(picked).toBeChecked();
  await expect(question(section, multiple.id).getByRole("checkbox", { checked: true })).toHaveCount(
    rightMultiple.length + 1,
  );
  for (const q of quiz.questions.filter((x) => x.type === "truefalse"))
    await expect(question(section, q.id).getByRole("radio", { checked: true })).toHaveCount(1);

  // The chosen option carries its verdict beside it, in words and an icon, not colour alone.
  const option = question(section, single.id).locator("[data-option]", { hasText: plain(pick.text) });
  await expect(option).toContainText("Your answer: incorrect");
  await expect(option.locator('[data-verdict="incorrect"]')).toContainText("✗");
});

test("Try again keeps the previous answers to edit; Start over clears them", { tag: "@db" }, async ({
  page,
}) => {
  const section = await openPart7Quiz(page);
  await answerQuiz(section, quiz.questions, false);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Not passed");

  await section.getByRole("button", { name: "Try again" }).click();
  await expect(section.locator(".quiz-result")).toHaveCount(0);
  await expect(section.locator("[data-result]")).toHaveCount(0);
  const radio = question(section, single.id).getByRole("radio", {
    name: plain(wrongChoice(single).text),
    exact: true,
  });
  await expect(radio).toBeChecked();
  await expect(radio).toBeEnabled();
  // Fixing one answer and resubmitting works from the kept answers.
  const right = single.choices!.find((c) => c.correct)!;
  await question(section, single.id)
    .getByRole("radio", { name: plain(right.text), exact: true })
    .check();
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText(`Your score: 1 of ${quiz.questions.length}`);

  await section.getByRole("button", { name: "Start over" }).click();
  await expect(section.locator(".quiz-result")).toHaveCount(0);
  await expect(section.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(section.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(section.getByRole("textbox").first()).toHaveValue("");
});

test("a failed attempt does not reveal the correct answers; passing does", { tag: "@db" }, async ({
  page,
}) => {
  const responses: string[] = [];
  page.on("response", async (res) => {
    if (res.request().method() === "POST") responses.push(await res.text().catch(() => ""));
  });
  const section = await openPart7Quiz(page);
  await answerQuiz(section, quiz.questions, false);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Not passed");
  await expect.poll(() => responses.length).toBeGreaterThan(0);

  // The explanation of a question answered wrongly states its answer: it stays on the server.
  const prose = lessonSource("07-multi-stage-builds.mdx").replace(/```quiz[\s\S]*?```/, "");
  const secrets = quiz.questions
    .map((q) => q.explanation)
    .filter((s): s is string => Boolean(s && !prose.includes(s.slice(0, 40))));
  expect(secrets.length).toBeGreaterThan(5);
  for (const body of responses) {
    for (const secret of secrets) {
      const needle = JSON.stringify(secret.slice(0, 40)).slice(1, -1);
      expect(body.includes(needle), `a failed attempt's response leaks "${needle}"`).toBe(false);
    }
    // Nor the key itself: correct choices not picked, the accepted text, the number, the order.
    expect(body).not.toMatch(/"(answer|accept|correctChoices|correctOrder)"\s*:/);
  }
  // No option is labelled as the correct one; each missed question says when answers are shown.
  await expect(section.locator('[data-verdict="answer"]')).toHaveCount(0);
  await expect(question(section, quiz.questions[0]!.id)).toContainText(
    "The correct answers are shown once you pass.",
  );

  // Passing with three questions wrong: now each wrong one shows its correct answer.
  await section.getByRole("button", { name: "Start over" }).click();
  await answerQuiz(section, quiz.questions, true);
  const wrongs = quiz.questions.filter((q) => q.type === "single").slice(0, 3);
  for (const q of wrongs)
    await question(section, q.id)
      .getByRole("radio", { name: plain(wrongChoice(q).text), exact: true })
      .check();
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Passed");
  for (const q of wrongs) {
    const right = q.choices!.find((c) => c.correct)!;
    await expect(
      question(section, q.id).locator("[data-option]", { hasText: plain(right.text) }),
    ).toContainText("Correct answer");
    await expect(question(section, q.id)).toContainText(plain(q.explanation!).slice(0, 30));
  }
});

test("moving an order item keeps focus on it; the select-all hint appears once; one quiz title", async ({
  page,
}) => {
  const section = await openPart7Quiz(page);
  const item = question(section, order.id);
  const last = item.locator("[data-order-item]").last();
  const text = (await last.locator("[data-order-text]").textContent())!;
  await item.getByRole("button", { name: `Move “${text}” up` }).focus();
  await page.keyboard.press("Enter");
  await expect(item.locator("[data-order-item]").nth(1).locator("[data-order-text]")).toHaveText(text);
  // Focus stays with the moved item, so pressing again moves it again.
  await expect(item.getByRole("button", { name: `Move “${text}” up` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(item.locator("[data-order-item]").first().locator("[data-order-text]")).toHaveText(text);
  // At the top its Up button is disabled: focus moves to its Down button, not to the page.
  await expect(item.getByRole("button", { name: `Move “${text}” down` })).toBeFocused();

  const legend = question(section, multiple.id).locator("legend");
  expect(((await legend.textContent()) ?? "").match(/select all that apply/gi)).toHaveLength(1);

  // The section heading and the quiz title say the same: it is said once.
  await expect(page.getByRole("heading", { name: "Check your understanding" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Check your understanding" })).toBeVisible();
});
