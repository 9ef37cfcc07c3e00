import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { quizVersion } from "../../lib/content/quiz-public";
import { QuizDefinitionSchema } from "../../lib/content/quiz-schema";
import { gradeQuiz } from "../../lib/quiz/grade";
import { scriptClient } from "../../scripts/lib/prisma-client";
import { E2E_DATABASE_URL } from "../playwright.config";
import { accountMenuButton, createAccount, signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { authoredQuiz, lessonSource } from "./support/lesson-source";
import { openPreview, setSource } from "./support/preview";
import { answersFor } from "./support/quiz";

const PAGES = ["/instructor", "/instructor/preview", "/instructor/quizzes", "/instructor/learners"];
const CSV = "/instructor/quizzes/export";
const PART7 = "07-multi-stage-builds.mdx";

async function signedIn(browser: Browser, role: "learner" | "instructor" | "admin") {
  const account = await createAccount(role, `${role} ${randomUUID().slice(0, 4)}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email);
  return { context, page };
}

/** Line (1-based) of the first line of `source` matching `pattern`. */
const lineOf = (source: string, pattern: RegExp) => source.split("\n").findIndex((l) => pattern.test(l)) + 1;
/** Character offset of a 1-based line and column. */
const offsetAt = (source: string, line: number, column: number) =>
  source
    .split("\n")
    .slice(0, line - 1)
    .join("\n").length +
  (line > 1 ? 1 : 0) +
  column -
  1;
const cursor = (page: Page) =>
  page
    .getByRole("textbox", { name: "Lesson source (MDX)" })
    .evaluate((el: HTMLTextAreaElement) => el.selectionStart);

test("anonymous visitors are sent to sign in, and the CSV answers 401 with no data", { tag: "@db" }, async ({
  page,
}) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  const csv = await page.request.get(CSV);
  expect(csv.status()).toBe(401);
  expect(await csv.text()).not.toContain("quiz");
});

test("learners get 404 on every instructor page and route, and the preview action refuses them", {
  tag: "@db",
}, async ({ browser }) => {
  const staff = await signedIn(browser, "instructor");
  await openPreview(staff.page);
  // Capture a real preview request, then replay it as a learner and as an anonymous visitor.
  const posted = staff.page.waitForRequest(
    (r) => r.method() === "POST" && r.url().includes("/instructor/preview"),
  );
  await staff.page.getByRole("button", { name: "Template" }).click();
  const request = await posted;
  await expect(staff.page.locator("[data-preview-lesson]")).toBeVisible();

  const learner = await signedIn(browser, "learner");
  await learner.page.goto("/");
  await accountMenuButton(learner.page).click();
  await expect(learner.page.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(learner.page.getByRole("link", { name: "Instructor", exact: true })).toHaveCount(0);
  for (const path of PAGES) {
    const res = await learner.page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(learner.page.getByText("Instructor tools")).toHaveCount(0);
  }
  const csv = await learner.page.request.get(CSV);
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toMatch(/quiz|question/i);

  const anonymous = await browser.newContext();
  const replay = async (context: BrowserContext) => {
    const res = await context.request.fetch(request.url(), {
      method: "POST",
      headers: request.headers(),
      data: request.postDataBuffer() ?? undefined,
    });
    return res.text();
  };
  // The template's callout text is in the rendered preview, so it shows whether anything rendered.
  expect(await replay(staff.context)).toContain("Keep it small");
  for (const [who, context, refusal] of [
    ["learner", learner.context, "for instructors and admins only"],
    ["anonymous", anonymous, "Sign in with an instructor account"],
  ] as const) {
    const text = await replay(context);
    expect(text, who).toContain(refusal);
    expect(text, who).not.toContain("Keep it small");
  }
  await Promise.all([staff.context.close(), learner.context.close(), anonymous.close()]);
});

test("admins reach the tools from the account menu and can use every page, the CSV and the preview", {
  tag: "@db",
}, async ({ browser }) => {
  const { page, context } = await signedIn(browser, "admin");
  await page.goto("/");
  await accountMenuButton(page).click();
  await page.getByRole("link", { name: "Instructor", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Instructor tools" })).toBeVisible();
  for (const path of PAGES) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
  }
  const csv = await page.request.get(CSV);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  await openPreview(page);
  await page.getByRole("button", { name: "Template" }).click();
  await expect(page.locator("[data-preview-lesson='your-lesson-slug']")).toBeVisible({ timeout: 15_000 });
  await context.close();
});

test("an instructor previews Part 7 from its source and it renders like the lesson, with the quiz key", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { page, context } = await signedIn(browser, "instructor");
  await page.goto("/courses/docker/multi-stage-builds");
  const headings = await page.locator(".lesson-prose h2").allInnerTexts();
  const titles = await page
    .locator(".lesson-prose figure[data-code-block] .code-block-title")
    .allInnerTexts();

  const editor = await openPreview(page);
  await page.getByLabel("Existing lesson").selectOption("docker/multi-stage-builds");
  await page.getByRole("button", { name: "Open lesson" }).click();
  await expect(page).toHaveURL(/\?lesson=docker%2Fmulti-stage-builds$/);
  await expect(editor).toHaveValue(lessonSource(PART7));
  const preview = page.locator("[data-preview-lesson='multi-stage-builds']");
  await expect(preview).toBeVisible({ timeout: 15_000 });
  expect(await preview.locator(".lesson-prose h2").allInnerTexts()).toEqual(headings);
  expect(await preview.locator("figure[data-code-block] .code-block-title").allInnerTexts()).toEqual(titles);
  await expect(
    preview.locator('figure[data-code-block][data-lang="dockerfile"] .line span').first(),
  ).toBeVisible();

  // The quiz as learners see it, and its key for the instructor.
  const quiz = authoredQuiz(PART7);
  await expect(preview.locator(`[data-quiz="${quiz.id}"]`)).toBeVisible();
  const key = preview.locator(`[data-answer-key="${quiz.id}"]`);
  await expect(key).toContainText("Answer key — instructors only");
  const single = quiz.questions.find((q) => q.type === "single")!;
  const right = single.choices!.find((c) => c.correct)!.text.replace(/`/g, "");
  await expect(key.locator(`[data-key-question="${single.id}"] [data-choice-correct="true"]`)).toContainText(
    right,
  );
  await expect(page.getByRole("heading", { name: "No problems" })).toBeVisible();
  await expectNoAxeViolations(page, "instructor preview with Part 7");

  // An edit re-renders through the action, and the lesson's widgets work in what it returns.
  await setSource(page, `${lessonSource(PART7)}\nOne more paragraph from the instructor.\n`);
  await expect(preview).toContainText("One more paragraph from the instructor.");
  await expect(page.locator("[data-preview-version]")).not.toHaveAttribute("data-preview-version", "0");
  const calc = preview.getByRole("region", { name: "Image size calculator" });
  await calc.getByRole("radio", { name: "Go" }).check();
  await expect(calc.getByTestId("reduction")).toHaveText("~98.6%");
  const block = preview.locator("figure[data-code-block]").filter({ hasText: "Dockerfile.tools" });
  await block.getByRole("button", { name: "Open in stage explorer: Dockerfile.tools" }).click();
  // The explorer opens in a dialog over the block it came from.
  await expect(
    page.getByRole("dialog", { name: "Stage explorer: Dockerfile.tools" }).getByRole("status"),
  ).toContainText("2 stages, ships stage 1");
  await context.close();
});

test("errors are listed at their line and column, and clicking one moves the cursor there", async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, "instructor");
  const editor = await openPreview(page);
  const source = lessonSource(PART7);

  const fence = lineOf(source, /^```dockerfile/);
  await setSource(page, source.replace(/^```dockerfile/m, "```dockerfil"));
  const problem = page.locator(`[data-diagnostics] button[data-line="${fence}"]`).first();
  await expect(problem).toContainText("dockerfil");
  await expect(page.locator("#preview-status")).toContainText("error");
  await problem.click();
  await expect(editor).toBeFocused();
  expect(await cursor(page)).toBe(offsetAt(source, fence, Number(await problem.getAttribute("data-column"))));

  const partLine = lineOf(source, /^part:/);
  await setSource(page, source.replace(/^part: 7$/m, "part: seven"));
  const fm = page.locator(`[data-diagnostics] button[data-line="${partLine}"]`).first();
  await expect(fm).toContainText("part");
  await editor.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  await fm.click();
  await expect(editor).toBeFocused();
  expect(await cursor(page)).toBe(offsetAt(source, partLine, Number(await fm.getAttribute("data-column"))));
  await context.close();
});

test("the compile limits hold: oversized input, imports and reading the environment are refused", async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, "instructor");
  await openPreview(page);
  const head = lessonSource(PART7).split("\n## ")[0]!;

  await setSource(page, `${head}\n\n${"A line of filler text for the size limit.\n".repeat(6500)}`);
  await expect(page.getByRole("alert").filter({ hasText: "KB" })).toContainText(
    /The source is 2\d\d KB; the preview compiles at most 200 KB/,
  );

  await setSource(page, `${head}\nimport fs from "node:fs"\n\n## Reading files\n`);
  await expect(page.locator("[data-diagnostics]")).toContainText(
    "Imports and exports are not allowed in lessons",
  );

  const secret = "e2e-secret-that-is-long-enough-for-validation-000";
  await setSource(page, `${head}\n## Secrets\n\n{process.env.LECTERN_SECRET}\n`);
  await expect(page.locator("[data-diagnostics]")).toContainText(
    "JavaScript expressions are not allowed in lessons",
  );
  await expect(page.locator("body")).not.toContainText(secret);
  await context.close();
});

test("the template previews and Download .mdx hands back the source with a file name from its slug", async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, "instructor");
  const editor = await openPreview(page);
  await page.getByRole("button", { name: "Template" }).click();
  await expect(page.locator("[data-preview-lesson='your-lesson-slug']")).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("[data-answer-key]")).toContainText("✓ Correct");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .mdx" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("11-your-lesson-slug.mdx");
  const text = readFileSync(await file.path(), "utf8");
  expect(text).toBe(await editor.inputValue());
  await context.close();
});

test("item analysis shows the figures of a seeded set of attempts, hardest question first", {
  tag: "@db",
}, async ({ browser }) => {
  // Part 6's quiz (7 one-point questions): no other spec submits it.
  const quiz = QuizDefinitionSchema.parse(authoredQuiz("06-networking.mdx"));
  const first = quiz.questions[0]!;
  const db = scriptClient(E2E_DATABASE_URL);
  const t0 = Date.now() - 60_000;
  const seed = async (learnerId: string, at: number, version: string, right: (id: string) => boolean) => {
    const answers = answersFor(quiz, right);
    const result = gradeQuiz(quiz, answers);
    await db.quizAttempt.create({
      data: {
        submissionId: randomUUID(),
        learnerId,
        courseSlug: "docker",
        lessonSlug: "networking",
        quizId: quiz.id,
        quizVersion: version,
        answers: JSON.stringify(answers),
        results: JSON.stringify(result.questions),
        score: result.score,
        maxScore: result.maxScore,
        passed: result.passed,
        createdAt: new Date(at),
      },
    });
  };
  try {
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => db.learner.create({ data: {}, select: { id: true } })),
    );
    const version = quizVersion(quiz);
    await seed(a!.id, t0, version, () => false); // fails first…
    await seed(a!.id, t0 + 1000, version, () => true); // …then passes
    await seed(b!.id, t0 + 2000, version, (id) => id === first.id); // only the first question right
    await seed(c!.id, t0 + 3000, version, () => true);
    await seed(c!.id, t0 - 5000, "0123456789ab", () => true); // an older version of the quiz
  } finally {
    await db.$disconnect();
  }

  const { page, context } = await signedIn(browser, "instructor");
  await page.goto("/instructor/quizzes");
  const section = page.locator(`[data-quiz-analysis="networking/${quiz.id}"]`);
  await expect(section.locator('[data-stat="Attempts"] dd')).toHaveText("4");
  await expect(section.locator('[data-stat="Learners"] dd')).toHaveText("3");
  await expect(section.locator('[data-stat="Pass rate"] dd')).toHaveText("50% (2 of 4)");
  // Scores 0%, 100%, 1 of 7 (14.3%) and 100%.
  await expect(section.locator('[data-stat="Average score"] dd')).toHaveText("53.6%");
  await expect(section.locator('[data-stat="Median score"] dd')).toHaveText("57.2%");
  await expect(section.locator("[data-older-versions]")).toContainText(
    "version 0123456789ab: 1 attempt by 1 learner",
  );
  const questions = section.locator("[data-question-analysis]");
  await expect(questions).toHaveCount(quiz.questions.length);
  // The first question is the easiest (3 of 4 right), so it is listed last.
  await expect(questions.last()).toHaveAttribute("data-question-analysis", first.id);
  const easiest = questions.last();
  await expect(easiest).toContainText("Correct, all attempts75% (3 of 4)");
  await expect(easiest).toContainText("Correct, first attempts66.7% (2 of 3)");
  await expect(questions.first()).toContainText("Correct, all attempts50% (2 of 4)");
  await expect(questions.first()).toContainText("Correct, first attempts33.3% (1 of 3)");
  // The wrong choice the failed attempt picked: a misconception, picked once in four attempts.
  if (first.type !== "single") throw new Error("Part 6's first question should be single choice");
  const wrong = first.choices.find((ch) => !ch.correct)!.text.replace(/`/g, "");
  await expect(easiest.locator('[data-choice="wrong"]').filter({ hasText: wrong })).toHaveCount(1);
  await expect(easiest.locator("[data-figure]").filter({ hasText: "1 pick (25%)" })).toHaveCount(1);
  await expectNoAxeViolations(page, "quiz item analysis");

  const csv = await page.request.get(CSV);
  const rows = (await csv.text()).split("\r\n");
  expect(rows.find((r) => r.startsWith(`quiz,docker,6,networking,${quiz.id},`))).toContain(",4,3,");
  await context.close();
});

test("the learner overview counts who started and completed, with no axe violations", { tag: "@db" }, async ({
  browser,
}) => {
  const { page, context } = await signedIn(browser, "instructor");
  await page.goto("/instructor/learners");
  const funnel = page.locator('[data-funnel="docker"]');
  await expect(funnel.locator("[data-part]")).toHaveCount(10);
  const before = Number(await funnel.locator('[data-stat="Started the course"] dd').first().textContent());

  const db = scriptClient(E2E_DATABASE_URL);
  try {
    const learner = await db.learner.create({ data: {}, select: { id: true } });
    await db.lessonProgress.create({
      data: { learnerId: learner.id, courseSlug: "docker", lessonSlug: "compose", completedAt: new Date() },
    });
  } finally {
    await db.$disconnect();
  }
  await page.reload();
  const after = Number(await funnel.locator('[data-stat="Started the course"] dd').first().textContent());
  expect(after).toBeGreaterThanOrEqual(before + 1);
  await expect(funnel.locator('[data-part-row="8"]')).toContainText(
    /\d+ \(\d+ signed up, [1-9]\d* anonymous\)/,
  );
  await expectNoAxeViolations(page, "learner overview");
  await page.goto("/instructor");
  await expectNoAxeViolations(page, "instructor tools");
  await context.close();
});
