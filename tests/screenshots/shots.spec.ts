import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { renderCommentMarkdown } from "../../lib/comments/markdown";
import { lessonTemplate } from "../../lib/instructor/template";
import { scriptClient } from "../../scripts/lib/prisma-client";
import { createAccount, signIn } from "../e2e/support/accounts";
import { seedComment } from "../e2e/support/comments";
import { waitForHydration } from "../e2e/support/hydration";
import { LONG_URL, LONG_WORD, WIDTHS } from "../e2e/support/layout";
import { authoredQuiz } from "../e2e/support/lesson-source";
import { answerQuiz, openQuiz, plain } from "../e2e/support/quiz";
import { openSearchWithSlash } from "../e2e/support/search";
import { E2E_DATABASE_URL } from "../playwright.config";

// Every page type and state a person sees, at a phone's and a laptop's width, light and dark
// (issue 18, "How it must be shown"). Not a test of behaviour: the e2e specs are; this writes
// the pictures someone looks at. Run through `npm run screenshots`.

const OUT = process.env.LECTERN_SCREENSHOTS_DIR ?? path.resolve(import.meta.dirname, "../../screenshots");
const PART7 = "/courses/docker/multi-stage-builds";
const THREAD = "/courses/docker/production";
const quiz = authoredQuiz("07-multi-stage-builds.mdx");
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // One thread for every picture: a 5,000-character word and a long URL (stored directly, as
  // the page-width test does; the thread is what is pictured, not the form).
  const poster = await createAccount("learner", "Long Words");
  for (const body of [LONG_WORD, `Read ${LONG_URL} first, then [the docs](https://docs.docker.com/build/).`])
    await seedComment({ authorEmail: poster.email, course: "docker", lesson: "production", body });
});

async function open(browser: Browser, width: number, theme: Theme, javaScriptEnabled = true) {
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 844 : 800 },
    colorScheme: theme,
    javaScriptEnabled,
  });
  return { context, page: await context.newPage() };
}

/** Writes one picture: the viewport, the whole page, or one element. */
async function shot(page: Page, name: string, what: "viewport" | "page" | Locator = "viewport") {
  const file = path.join(OUT, `${name}.png`);
  // Animations and the caret would make two runs differ for no reason.
  const options = { path: file, animations: "disabled" as const, caret: "hide" as const };
  if (what === "viewport") await page.screenshot(options);
  else if (what === "page") await page.screenshot({ ...options, fullPage: true });
  // A tall element is shot in slices while scrolling: the sticky header and contents bar would
  // be stamped into the middle of it.
  else
    await what.screenshot({ ...options, style: "header, .contents-bar { visibility: hidden !important; }" });
}

async function visit(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

for (const width of WIDTHS) {
  for (const theme of THEMES) {
    const name = (state: string) => `${width}-${theme}-${state}`;

    test(`every page type and state at ${width}px, ${theme}`, async ({ browser }) => {
      // A new visitor: the public pages, a lesson's parts and widgets, search.
      const visitor = await open(browser, width, theme);
      const page = visitor.page;
      await visit(page, "/");
      await shot(page, name("01-catalog"), "page");
      await visit(page, "/courses/docker");
      await shot(page, name("02-course-new"), "page");
      await visit(page, PART7);
      await shot(page, name("04-part7-top"));
      await page.locator("figure[data-code-block]").first().scrollIntoViewIfNeeded();
      await shot(page, name("05-code-block"));
      await shot(page, name("06-calculator"), page.locator("[data-size-calculator]"));
      await shot(page, name("07-explorer"), page.locator(".stage-explorer"));
      const section = page.locator(`[data-quiz="${quiz.id}"]`);
      await expect(section.getByTestId("quiz-stats")).not.toHaveText("");
      await shot(page, name("08-quiz-unanswered"), section);
      if (width < 500) {
        await page.mouse.wheel(0, 4000);
        await page.getByRole("button", { name: "On this page" }).click();
        await shot(page, name("09-contents-open"));
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Menu" }).click();
        await shot(page, name("10-header-menu-open"));
        await page.keyboard.press("Escape");
      }
      await visit(page, `${THREAD}#discussion`);
      const thread = page.locator("#discussion");
      // (A retried test seeds the pair again: two or more is the thread.)
      await expect(thread.locator("[data-comment]").nth(1)).toBeVisible();
      await shot(page, name("11-thread-long-word"), thread);
      await visit(page, `${THREAD}/discussion`);
      await shot(page, name("12-discussion-page"), "page");
      await visit(page, "/");
      await waitForHydration(page);
      const dialog = await openSearchWithSlash(page);
      await dialog.getByRole("combobox").fill("multistage");
      await expect(dialog.getByRole("option").first()).toBeVisible();
      await shot(page, name("13-search-open"));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("status").filter({ hasText: /highlighted/ })).toBeVisible();
      await shot(page, name("14-search-landed"));
      for (const [i, url] of [
        ["15-sign-in", "/sign-in"],
        ["16-sign-up", "/sign-up"],
        ["17-not-found", "/no-such-page"],
      ] as const) {
        await visit(page, url);
        await shot(page, name(i), "page");
      }
      await visitor.context.close();

      // Without JavaScript: the lesson still reads, its contents and discussion are plain links.
      const plainVisitor = await open(browser, width, theme, false);
      await visit(plainVisitor.page, PART7);
      await shot(plainVisitor.page, name("18-part7-no-js"));
      await visit(plainVisitor.page, `${THREAD}/discussion`);
      await shot(plainVisitor.page, name("19-discussion-no-js"), "page");
      await plainVisitor.context.close();

      await learnerStates(browser, width, theme, name);
      await instructorPages(browser, width, theme, name);
    });
  }
}

for (const width of WIDTHS) {
  for (const theme of THEMES) {
    const name = (state: string) => `${width}-${theme}-${state}`;
    test(`widgets, code blocks, authoring and moderation at ${width}px, ${theme}`, async ({ browser }) => {
      await widgetsAndCode(browser, width, theme, name);
      await authoringAndModeration(browser, width, theme, name);
    });
  }
}

/** Part 7's widgets (explorer dialog, layer cache, calculator) and its code blocks. */
async function widgetsAndCode(browser: Browser, width: number, theme: Theme, name: (s: string) => string) {
  const { page, context } = await open(browser, width, theme);
  await visit(page, PART7);
  await waitForHydration(page);
  await shot(page, name("40-compare"), page.locator(".compare").first());
  const blocks = page.locator(".lesson-prose > figure[data-code-block]");
  const widest = await blocks.evaluateAll((figures) => {
    const lengths = figures.map((f) =>
      f.closest(".compare")
        ? 0
        : Math.max(...[...f.querySelectorAll(".line")].map((l) => l.textContent?.length ?? 0)),
    );
    return lengths.indexOf(Math.max(...lengths.filter((n) => n <= 80)));
  });
  await shot(page, name("41-long-lines"), blocks.nth(widest));
  // The block in its page: prose keeps its measure, code takes the column.
  await blocks.nth(widest).evaluate((el) => el.scrollIntoView({ block: "center" }));
  await shot(page, name("41-long-lines-in-page"));
  await shot(page, name("42-diff"), page.locator("figure[data-code-block]:has(.line[data-diff])").first());
  await shot(page, name("43-layer-cache"), page.locator("[data-layer-cache]").first());
  await shot(page, name("44-calculator"), page.locator("[data-size-calculator]"));
  const opener = page.getByRole("button", { name: /^Open in stage explorer/ }).first();
  await opener.scrollIntoViewIfNeeded();
  await opener.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await shot(page, name("45-explorer-dialog"));
  await context.close();
}

/** The preview with errors, footnotes and a task list; a long comment and a suspended author. */
async function authoringAndModeration(
  browser: Browser,
  width: number,
  theme: Theme,
  name: (s: string) => string,
) {
  const { page, context } = await open(browser, width, theme);
  const admin = await createAccount("admin", "Ada Admin");
  await signIn(page, admin.email);
  await visit(page, "/instructor/preview");
  await waitForHydration(page);
  const editor = page.getByRole("textbox", { name: "Lesson source (MDX)" });
  const template = lessonTemplate();
  const setSource = async (source: string) => {
    const status = page.locator("#preview-status");
    const before = await status.getAttribute("data-answered");
    await editor.evaluate((el: HTMLTextAreaElement, value) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(el, value);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, source);
    await expect(status).not.toHaveAttribute("data-answered", before ?? "0", { timeout: 30_000 });
  };
  await setSource(
    template
      .replace("</Callout>\n", "")
      .replace(/^updated: .*$/m, "updated: 2026-02-30")
      .replace("    answer: true\n", ""),
  );
  await shot(page, name("46-preview-errors"));
  await setSource(
    template.replace(
      "## Summary\n",
      "## Summary\n\nBuildKit caches layers.[^cache]\n\n- [x] Build the image\n- [ ] Push it\n\n[^cache]: See the BuildKit documentation.\n",
    ),
  );
  await shot(
    page,
    name("47-footnotes-task-list"),
    page.locator("[data-preview-lesson] .lesson-prose > :is(h2:last-of-type, p, ul, section)").last(),
  );
  await shot(page, name("47-preview-summary"), page.locator("[data-preview-lesson]"));

  // A long comment by an author whose posting is suspended, reported so that it is queued.
  const author = await createAccount("learner", "Verbose Vera");
  const db = scriptClient(E2E_DATABASE_URL);
  try {
    const [vera, ada] = await Promise.all(
      [author.email, admin.email].map((email) =>
        db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
      ),
    );
    const body = Array.from(
      { length: 14 },
      (_, i) =>
        `Paragraph ${i + 1}: the cache is invalidated by every change above this line, so order the steps from the least to the most often changed.`,
    ).join("\n\n");
    const comment = await db.comment.create({
      data: {
        courseSlug: "docker",
        lessonSlug: "volumes",
        authorId: vera!.id,
        body,
        html: renderCommentMarkdown(body),
      },
    });
    await db.commentReport.create({ data: { commentId: comment.id, reporterId: ada!.id, reason: "spam" } });
    await db.user.update({ where: { id: vera!.id }, data: { postingSuspendedAt: new Date() } });
    await db.authorModeration.create({
      data: { authorId: vera!.id, moderatorId: ada!.id, action: "suspend" },
    });
  } finally {
    await db.$disconnect();
  }
  await visit(page, "/instructor/quizzes");
  await shot(page, name("50-item-analysis-untaken"), page.locator("section:has(#untaken-quizzes)"));
  await visit(page, "/moderation");
  await shot(page, name("48-moderation-suspended"), "page");
  await page.getByText("Show more").first().click();
  await shot(page, name("49-moderation-unfolded"), page.locator("[data-moderation]").first());
  await context.close();
}

/** A signed-in learner: the quiz's states, the course in progress, progress and account. */
async function learnerStates(browser: Browser, width: number, theme: Theme, name: (s: string) => string) {
  const { page, context } = await open(browser, width, theme);
  const learner = await createAccount("learner", "Grace Hopper");
  await signIn(page, learner.email);
  const section = await openQuiz(page, PART7, quiz.id);
  // Partly answered and submitted: the error names what is missing; the ticks stay.
  const single = quiz.questions.find((q) => q.type === "single")!;
  await section
    .locator(`[data-question="${single.id}"]`)
    .getByRole("radio", { name: plain(single.choices!.find((c) => !c.correct)!.text), exact: true })
    .check();
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("alert")).toBeVisible();
  await shot(page, name("20-quiz-partly-submitted"), section);
  await answerQuiz(section, quiz.questions, false);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Not passed");
  await shot(page, name("21-quiz-graded-failed"), section);
  await section.getByRole("button", { name: "Start over" }).first().click();
  await answerQuiz(section, quiz.questions, true);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz-result")).toContainText("Passed");
  await shot(page, name("22-quiz-passed"), section);

  // In progress: a part marked complete, another being read.
  await page.request.post("/api/learner/completions", {
    data: { course: "docker", lesson: "what-is-docker", complete: true },
  });
  await visit(page, "/courses/docker");
  await expect(page.getByTestId("course-cta")).toHaveText(/^Continue/);
  await shot(page, name("03-course-in-progress"), "page");
  await visit(page, "/progress");
  await shot(page, name("23-progress"), "page");
  await visit(page, "/account");
  await shot(page, name("24-account"), "page");
  await page.locator("header [data-account-menu]").click();
  await shot(page, name("25-account-menu-open"));
  await context.close();
}

/** The instructor's and moderator's pages, as an admin. */
async function instructorPages(browser: Browser, width: number, theme: Theme, name: (s: string) => string) {
  const { page, context }: { page: Page; context: BrowserContext } = await open(browser, width, theme);
  const admin = await createAccount("admin", "Ada Admin");
  await signIn(page, admin.email);
  for (const [i, url] of [
    ["26-instructor", "/instructor"],
    ["27-instructor-quizzes", "/instructor/quizzes"],
    ["28-instructor-learners", "/instructor/learners"],
    ["30-moderation", "/moderation"],
  ] as const) {
    await visit(page, url);
    await shot(page, name(i), "page");
  }
  await visit(page, "/instructor/preview");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Template" }).click();
  await expect(page.locator("[data-preview-lesson]")).toBeVisible({ timeout: 30_000 });
  await shot(page, name("29-instructor-preview"));
  await context.close();
}
