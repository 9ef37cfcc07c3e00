// Review in a real browser: a question missed in Part 7 comes back on /review when the server's
// test clock (lib/clock.ts, moved through the file the suite server was started with) says it is
// due, is graded on the server and is scheduled later. The tests of this file share that clock,
// so each sets it before it starts; they run one after another (one file, one worker).
import { rmSync, writeFileSync } from "node:fs";
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { scriptClient } from "../../scripts/lib/prisma-client";
import { E2E_DATABASE_URL } from "../playwright.config";
import { createAccount, signIn, signUp, uniqueEmail } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { suiteClockFile } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { expectNoSecrets, recordResponses } from "./support/leaks";
import { authoredQuiz } from "./support/lesson-source";
import { answerQuiz, answerQuizWithoutScript, openQuiz, plain } from "./support/quiz";

const PART7 = "/courses/docker/multi-stage-builds";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");
const question = (id: string) => quiz.questions.find((q) => q.id === id)!;
const finalStage = question("final-stage");
const indexBase = question("index-base");
const earlierLayers = question("earlier-layers");

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CLOCK = suiteClockFile();

/** Moves the server's scheduling clock to `ms` ahead of real time. */
function setClock(ms: number) {
  writeFileSync(CLOCK, String(ms));
}

test.beforeEach(() => setClock(0));
test.afterAll(() => rmSync(CLOCK, { force: true }));

/** Submits Part 7's quiz with `wrong` answered wrong and every other question right. */
async function missInPart7(page: Page, wrong: string[]): Promise<Locator> {
  const section = await openQuiz(page, PART7, quiz.id);
  await answerQuiz(
    section,
    quiz.questions.filter((q) => !wrong.includes(q.id)),
    true,
  );
  await answerQuiz(
    section,
    quiz.questions.filter((q) => wrong.includes(q.id)),
    false,
  );
  await section.getByRole("button", { name: "Submit answers" }).click();
  // Grading 14 questions and writing the cards takes seconds when the machine is busy.
  await expect(section.locator(".quiz-result")).toContainText(
    `Your score: ${quiz.questions.length - wrong.length} of ${quiz.questions.length}`,
    { timeout: 20_000 },
  );
  return section;
}

const reviewLink = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Review/ });
const card = (page: Page) => page.locator("form.review-card");
const outcome = (page: Page) => page.locator(".review-outcome");

/** The page is no wider than its viewport. */
async function expectNoOverflow(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} is wider than the viewport`).toBeLessThanOrEqual(0);
}

test("a question answered wrong in Part 7 is due the next day, answered right on /review, and scheduled later", {
  tag: "@db",
}, async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Nothing due" })).toBeVisible();
  await expect(page.getByText("Nothing to review yet.")).toBeVisible();
  await expectNoAxeViolations(page, "/review, empty");

  const section = await missInPart7(page, [finalStage.id]);
  await expect(section.locator(`[data-question="${finalStage.id}"] [data-in-review]`)).toContainText(
    "Missed questions go to your review",
  );
  // Any other question by hand.
  const added = section.locator(`[data-question="${earlierLayers.id}"]`);
  await added.getByRole("button", { name: "Add to review" }).click();
  await expect(added.locator("[data-in-review]")).toContainText("Added to your review");

  // Nothing due yet; the page says when.
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Nothing due" })).toBeVisible();
  await expect(page.getByText(/The next card is due tomorrow \(/)).toBeVisible();
  await expect(page.getByTestId("review-summary")).toHaveText("Nothing due now · 2 cards in review");
  await expect(reviewLink(page)).toHaveAttribute("data-review-due", "0");

  // A day later, the missed question is due: the header counts it, /review asks it.
  setClock(DAY + 2 * HOUR);
  await page.goto(PART7);
  await expect(reviewLink(page)).toHaveAccessibleName("Review 1 due");
  await reviewLink(page).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(card(page)).toBeVisible();
  await expect(card(page).getByRole("group", { name: plain(finalStage.prompt) })).toBeVisible();
  await expect(
    card(page)
      .getByRole("group", { name: plain(finalStage.prompt) })
      .getByRole("radio"),
  ).toHaveCount(finalStage.choices!.length);
  const back = card(page).getByRole("link", { name: /Part 7: Multi-Stage Builds/ });
  await expect(back).toHaveAttribute("href", new RegExp(`^${PART7}#[a-z0-9-]+$`));
  const sectionHref = (await back.getAttribute("href"))!;
  await expectNoAxeViolations(page, "/review, a card");

  // Right, and sure: it goes days out.
  const right = finalStage.choices!.find((c) => c.correct)!;
  await card(page)
    .getByRole("radio", { name: plain(right.text), exact: true })
    .check();
  await card(page).getByRole("radio", { name: "Sure", exact: true }).check();
  await card(page).getByRole("button", { name: "Check answer" }).click();
  await expect(page).toHaveURL(/\/review\?answered=[0-9a-f-]{36}$/);
  const verdict = outcome(page).getByRole("status");
  await expect(verdict).toHaveAttribute("data-result", "correct");
  await expect(verdict).toContainText("Right");
  // The page lands on the verdict, not at the top.
  await expect(verdict.getByRole("heading", { name: "Right" })).toBeFocused();
  await expect(verdict).toContainText(plain(finalStage.explanation!).slice(0, 40));
  // The picked choice's verdict, then why: not "right. Right." (the explanation says why, not whether).
  await expect(verdict).toContainText(`You picked “${plain(right.text)}”: right.`);
  await expect(verdict).not.toContainText(/right\.\s*Right/);
  const later = outcome(page).locator("[data-next-due]");
  await expect(later).toContainText(/This card comes back in \d+ days/);
  const answeredAt = Date.now() + DAY + 2 * HOUR;
  const due = Date.parse((await later.getAttribute("data-next-due"))!);
  expect(due - answeredAt).toBeGreaterThan(2 * DAY);
  await expect(outcome(page).getByRole("link", { name: "Read that section again" })).toHaveAttribute(
    "href",
    sectionHref,
  );
  await expect(reviewLink(page)).toHaveAttribute("data-review-due", "0");
  await expectNoAxeViolations(page, "/review, graded");
  // The outcome is read back from what was stored: a reload shows it again, and counts nothing twice.
  await page.reload();
  await expect(outcome(page).getByRole("status")).toHaveAttribute("data-result", "correct");
  await expect(page.getByTestId("review-summary")).toHaveText("Nothing due now · 2 cards in review");

  // The card stays away until its new date, then comes back; the added one is due by then too.
  await page.getByRole("link", { name: "Done for now" }).click();
  await expect(page.getByRole("heading", { name: "Nothing due" })).toBeVisible();
  setClock(due - Date.now() - HOUR);
  await page.reload();
  await expect(page.getByTestId("review-summary")).toHaveText("1 due now · 2 cards in review");
  await expect(card(page).getByRole("group", { name: plain(earlierLayers.prompt) })).toBeVisible();

  // Wrong: it comes back tomorrow.
  await card(page)
    .getByRole("radio", { name: earlierLayers.answer ? "False" : "True", exact: true })
    .check();
  await card(page).getByRole("button", { name: "Check answer" }).click();
  await expect(outcome(page).getByRole("status")).toHaveAttribute("data-result", "incorrect");
  await expect(outcome(page).getByRole("status")).toContainText(
    plain(earlierLayers.explanation!).slice(0, 40),
  );
  // The quiz was passed, so the reveal rule lets the key show, in words, as the quiz shows it.
  await expect(outcome(page).locator("[data-right-answer]")).toHaveText(
    `The right answer: ${earlierLayers.answer ? "True" : "False"}`,
  );
  await expect(outcome(page).locator("[data-next-due]")).toContainText("This card comes back tomorrow");
  await expectNoAxeViolations(page, "/review, graded wrong");

  setClock(due - Date.now() + HOUR);
  await page.goto("/review");
  await expect(page.getByTestId("review-summary")).toHaveText("1 due now · 2 cards in review");
  await expect(card(page).getByRole("group", { name: plain(finalStage.prompt) })).toBeVisible();

  // The link back lands on the quiz's section of the lesson.
  await page.goto(sectionHref);
  await expect(page.locator(`[id="${sectionHref.split("#")[1]}"]`)).toBeVisible();
});

/** A second browser context with the first one's cookies and JavaScript off. */
async function withoutJavaScript(browser: Browser, from: BrowserContext, width: number) {
  return browser.newContext({
    javaScriptEnabled: false,
    storageState: await from.storageState(),
    viewport: { width, height: 900 },
  });
}

test("without JavaScript, /review asks the due cards, refuses an empty answer and grades on the server", {
  tag: "@db",
}, async ({ browser }) => {
  const learner = await browser.newContext();
  await missInPart7(await learner.newPage(), [finalStage.id, indexBase.id]);
  setClock(DAY + HOUR);
  const plainContext = await withoutJavaScript(browser, learner, 390);
  const page = await plainContext.newPage();
  await page.goto("/review");
  await expect(page.getByTestId("review-summary")).toHaveText("2 due now · 2 cards in review");
  const legend = card(page).locator("legend").first();
  const first = (await legend.textContent()) ?? "";
  await expectNoOverflow(page, "/review with a card at 390 px");

  // Nothing picked: a clear message, the same card, nothing recorded.
  await card(page).getByRole("button", { name: "Check answer" }).click();
  await expect(page).toHaveURL(/\?error=answer$/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("answer the question first");
  await expect(page.getByTestId("review-summary")).toHaveText("2 due now · 2 cards in review");
  await expect(legend).toHaveText(first);

  // Answer whichever card came first, wrong.
  const asked = [finalStage, indexBase].find((q) => first.startsWith(plain(q.prompt)))!;
  const wrong = asked.choices!.find((c) => !c.correct)!;
  await card(page)
    .getByRole("radio", { name: plain(wrong.text), exact: true })
    .check();
  await card(page).getByRole("button", { name: "Check answer" }).click();
  await expect(outcome(page).getByRole("status")).toHaveAttribute("data-result", "incorrect");
  await expect(outcome(page)).toContainText(`You picked “${plain(wrong.text)}”: not right.`);
  await expect(outcome(page)).toContainText(plain(wrong.explanation!).slice(0, 30));
  const right = asked.choices!.find((c) => c.correct)!;
  await expect(outcome(page).locator("[data-right-answer]")).toHaveText(
    `The right answer: “${plain(right.text)}”.`,
  );
  await expect(outcome(page).locator("[data-next-due]")).toContainText("This card comes back tomorrow");
  await expectNoOverflow(page, "/review graded at 390 px");

  await page.getByRole("link", { name: "Next card (1 due)" }).click();
  const other = asked === finalStage ? indexBase : finalStage;
  await expect(card(page).locator("legend").first()).toContainText(plain(other.prompt));
  await plainContext.close();
  await learner.close();
});

test("without JavaScript, a question answered right goes to review from the graded quiz, once, and is rated on /review", {
  tag: "@db",
}, async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(PART7);
  const section = page.locator(`[data-quiz="${quiz.id}"]`);
  await answerQuizWithoutScript(section, quiz.questions);
  await section.getByRole("button", { name: "Submit answers" }).click();
  const graded = /Your score: (\d+) of \1 \(100%\) — Passed/;
  await expect(section.locator(".quiz-result")).toContainText(graded, { timeout: 20_000 });
  // Nothing was missed, so every question offers to go to review.
  await expect(section.getByRole("button", { name: "Add to review" })).toHaveCount(quiz.questions.length);
  await expectNoOverflow(page, "the graded quiz without JavaScript at 390 px");

  const item = section.locator(`[data-question="${finalStage.id}"]`);
  const right = finalStage.choices!.find((c) => c.correct)!;
  const sent = page.waitForRequest((r) => r.method() === "POST", { timeout: 20_000 });
  await item.getByRole("button", { name: "Add to review" }).click();
  const request = await sent;
  await expect(item.locator("[data-in-review]")).toContainText(
    /^Added to your review: it comes back on \w{3} \d{1,2} [A-Z][a-z]+\./,
  );
  // The page comes back at that question, not at the top of the lesson.
  expect(new URL(page.url()).hash).toBe(`#quiz-${quiz.id}-${finalStage.id}`);
  // The graded page is kept: the grade, every verdict, the answers as chosen, one attempt.
  await expect(section.locator(".quiz-result")).toContainText(graded);
  await expect(section.locator('[data-result="correct"]')).toHaveCount(quiz.questions.length);
  await expect(item.getByRole("radio", { name: plain(right.text), exact: true })).toBeChecked();
  await expect(section.getByTestId("quiz-stats")).toContainText("Attempts: 1");
  await expect(section.getByRole("button", { name: "Add to review" })).toHaveCount(quiz.questions.length - 1);
  await expectNoOverflow(page, "the graded quiz after adding to review at 390 px");

  // A reload sends the same post again: the same card, and the quiz is not submitted again.
  const headers = { "content-type": request.headers()["content-type"]! };
  const body = request.postDataBuffer()!;
  const again = await context.request.post(PART7, { headers, data: body });
  expect(again.status()).toBe(200);
  const html = await again.text();
  expect(html).toContain("Added to your review: it comes back");
  expect(html).not.toContain("already been recorded");
  expect(html.match(/data-result="correct"/g)).toHaveLength(quiz.questions.length);
  // A refused add (the post names a question the quiz does not have): a clear message, the graded
  // page kept, and the question added before still says so.
  const field = `\r\n\r\n${indexBase.id}\r\n`;
  await page.route(PART7, (route) => {
    const sentBody = route.request().postDataBuffer()!.toString("latin1");
    expect(sentBody).toContain(field);
    const changed = sentBody.replace(field, "\r\n\r\nno-such-question\r\n");
    return route.continue({ postData: Buffer.from(changed, "latin1") });
  });
  await section
    .locator(`[data-question="${indexBase.id}"]`)
    .getByRole("button", { name: "Add to review" })
    .click();
  await expect(section.getByRole("alert")).toContainText("This question does not exist");
  await expect(section.locator(".quiz-result")).toContainText(graded);
  await expect(section.locator('[data-result="correct"]')).toHaveCount(quiz.questions.length);
  await expect(item.locator("[data-in-review]")).toContainText("Added to your review: it comes back");
  await expect(item.getByRole("radio", { name: plain(right.text), exact: true })).toBeChecked();
  await expectNoOverflow(page, "the graded quiz with a refused add at 390 px");
  await page.unroute(PART7);
  const cookie = (await context.cookies()).find((c) => c.name === "lectern_learner");
  const learnerId = decodeURIComponent(cookie!.value).split(".")[0]!;
  const db = scriptClient(E2E_DATABASE_URL);
  try {
    expect(await db.quizAttempt.count({ where: { learnerId, quizId: quiz.id } })).toBe(1);
    expect(await db.reviewCard.findMany({ where: { learnerId }, select: { itemId: true } })).toEqual([
      { itemId: finalStage.id },
    ]);
  } finally {
    await db.$disconnect();
  }

  // Once it is due, /review asks it without JavaScript and schedules it further out.
  setClock(3 * DAY);
  await page.goto("/review");
  await expect(page.getByTestId("review-summary")).toHaveText("1 due now · 1 card in review");
  await expect(card(page).getByRole("group", { name: plain(finalStage.prompt) })).toBeVisible();
  await expectNoOverflow(page, "/review with the added card at 390 px");
  await card(page)
    .getByRole("radio", { name: plain(right.text), exact: true })
    .check();
  await card(page).getByRole("radio", { name: "Sure", exact: true }).check();
  await card(page).getByRole("button", { name: "Check answer" }).click();
  await expect(outcome(page).getByRole("status")).toHaveAttribute("data-result", "correct");
  await expect(outcome(page).locator("[data-next-due]")).toContainText(/This card comes back in \d+ days/);
  await expectNoOverflow(page, "/review graded at 390 px");
  await page.getByRole("link", { name: "Done for now" }).click();
  await expect(page.getByRole("heading", { name: "Nothing due" })).toBeVisible();
  await expect(page.getByText(/The next card is due /)).toBeVisible();
  await expect(page.getByTestId("review-summary")).toHaveText("Nothing due now · 1 card in review");
  await expectNoOverflow(page, "/review with nothing due at 390 px");
  await context.close();
});

test("two tabs answering the same card: the first answer counts, the second is told and records nothing", {
  tag: "@db",
}, async ({ browser }) => {
  const context = await browser.newContext();
  await missInPart7(await context.newPage(), [finalStage.id]);
  setClock(DAY + HOUR);
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.goto("/review");
    await waitForHydration(p);
    await expect(card(p)).toBeVisible();
  }
  const right = finalStage.choices!.find((c) => c.correct)!;
  await card(a)
    .getByRole("radio", { name: plain(right.text), exact: true })
    .check();
  await card(a).getByRole("button", { name: "Check answer" }).click();
  await expect(outcome(a).getByRole("status")).toHaveAttribute("data-result", "correct");

  const wrong = finalStage.choices!.find((c) => !c.correct)!;
  await card(b)
    .getByRole("radio", { name: plain(wrong.text), exact: true })
    .check();
  await card(b).getByRole("button", { name: "Check answer" }).click();
  await expect(b.getByRole("main").getByRole("alert")).toContainText(
    "You already answered this card in another tab",
  );
  await expect(b.getByRole("main").getByRole("alert")).toBeFocused();
  await expect(b.getByRole("heading", { name: "Nothing due" })).toBeVisible();
  await a.reload();
  await expect(outcome(a).getByRole("status")).toHaveAttribute("data-result", "correct");
  await context.close();
});

test("cards made before signing up are there after it; the answer key never reaches the browser before grading", {
  tag: "@db",
}, async ({ page }) => {
  await missInPart7(page, [finalStage.id]);
  await signUp(page, "Review Learner", uniqueEmail("review"));
  setClock(DAY + HOUR);

  const bodies = await recordResponses(page);
  await page.goto("/review");
  await expect(card(page).locator("legend").first()).toContainText(plain(finalStage.prompt));
  // Client-side navigation to /review fetches its RSC payload too.
  await page.goto("/");
  await waitForHydration(page);
  await reviewLink(page).click();
  await expect(card(page)).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The prompt's longest run of plain text (inline code is rendered as elements).
  const promptText = finalStage.prompt.split("`").sort((x, y) => y.length - x.length)[0]!;
  expect(bodies.filter((b) => b.text.includes(promptText)).length).toBeGreaterThanOrEqual(2);
  const secrets = [finalStage.explanation!, ...finalStage.choices!.map((c) => c.explanation!)];
  expectNoSecrets(bodies, secrets);
  // Pages and payloads (data, not the scripts, which name the key's fields being the quiz's UI).
  expectNoSecrets(
    bodies.filter((b) => !/javascript/.test(b.type)),
    [],
    /\\?"(correct|answer|accept|tolerance|explanation)\\?"\s*:/,
  );
});

test("instructors see how many learners have a question in review and how often it was right", {
  tag: "@db",
}, async ({ browser }) => {
  const learner = await browser.newContext();
  const page = await learner.newPage();
  await missInPart7(page, [indexBase.id]);
  setClock(DAY + HOUR);
  await page.goto("/review");
  const right = indexBase.choices!.find((c) => c.correct)!;
  await card(page)
    .getByRole("radio", { name: plain(right.text), exact: true })
    .check();
  await card(page).getByRole("button", { name: "Check answer" }).click();
  await expect(outcome(page).getByRole("status")).toHaveAttribute("data-result", "correct");
  await learner.close();

  const instructor = await browser.newContext();
  const staff = await instructor.newPage();
  const account = await createAccount("instructor", "Review Instructor");
  await signIn(staff, account.email, account.password, "/instructor/quizzes");
  await staff.goto("/instructor/quizzes");
  const figures = staff.locator(`[data-question-analysis="${indexBase.id}"] [data-review-figures]`);
  await expect(figures).toContainText(/In review: [1-9]\d* learners?/);
  await expect(figures.getByText(/Right after 1 day/)).toBeVisible();
  await instructor.close();
});

test("until the learner has passed the quiz, a card answered wrong keeps its explanation back", {
  tag: "@db",
}, async ({ page }) => {
  const missed = quiz.questions.slice(0, 5).map((q) => q.id);
  expect(missed).toContain(finalStage.id);
  await missInPart7(page, missed); // 9 of 14: not passed
  setClock(DAY + HOUR);
  await page.goto("/review");
  const legend = card(page).locator("legend").first();
  while (!((await legend.textContent()) ?? "").startsWith(plain(finalStage.prompt))) {
    // Another card first: answer it anyhow and move on (an order card's selects hold an order).
    const asked = card(page).locator("fieldset").first();
    if (await asked.getByRole("textbox").count()) await asked.getByRole("textbox").fill("x");
    else if (await asked.getByRole("radio").count()) await asked.getByRole("radio").first().check();
    await card(page).getByRole("button", { name: "Check answer" }).click();
    await page.getByRole("link", { name: /Next card/ }).click();
  }
  const bodies = await recordResponses(page);
  const wrong = finalStage.choices!.find((c) => !c.correct)!;
  await card(page)
    .getByRole("radio", { name: plain(wrong.text), exact: true })
    .check();
  await card(page).getByRole("button", { name: "Check answer" }).click();
  await expect(outcome(page).getByRole("status")).toHaveAttribute("data-result", "incorrect");
  // The note on the picked choice shows; the explanation and the key wait.
  await expect(outcome(page)).toContainText(plain(wrong.explanation!).slice(0, 30));
  await expect(outcome(page).locator("[data-withheld]")).toContainText("once you have passed the quiz");
  await expect(outcome(page).locator("[data-right-answer]")).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expectNoSecrets(bodies, [finalStage.explanation!]);
});
