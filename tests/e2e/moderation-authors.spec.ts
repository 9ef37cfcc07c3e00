import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { renderCommentMarkdown } from "../../lib/comments/markdown";
import { scriptClient } from "../../scripts/lib/prisma-client";
import { E2E_DATABASE_URL } from "../playwright.config";
import { createAccount, signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { expectNoSidewaysScroll } from "./support/layout";

// The moderation page as an instructor uses it: long comments folded, the instructor tools one
// click away, and actions on an author (hide everything they wrote, suspend and lift posting),
// each shown with who did it and when.

/** Stores a comment and a report of it, so that it is in the moderation queue. */
async function reportedComment(authorEmail: string, reporterEmail: string, lesson: string, body: string) {
  const db = scriptClient(E2E_DATABASE_URL);
  try {
    const [author, reporter] = await Promise.all(
      [authorEmail, reporterEmail].map((email) =>
        db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
      ),
    );
    const comment = await db.comment.create({
      data: {
        courseSlug: "docker",
        lessonSlug: lesson,
        authorId: author!.id,
        body,
        html: renderCommentMarkdown(body),
      },
      select: { id: true },
    });
    await db.commentReport.create({
      data: { commentId: comment.id, reporterId: reporter!.id, reason: "spam" },
    });
    return comment.id;
  } finally {
    await db.$disconnect();
  }
}

async function signedIn(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  if (javaScriptEnabled) await signIn(page, email);
  else {
    // Sign in with JavaScript, then carry the session into a context without it.
    const withJs = await browser.newContext();
    const p = await withJs.newPage();
    await signIn(p, email);
    await context.addCookies(await withJs.cookies());
    await withJs.close();
  }
  return { context, page };
}

const LONG = Array.from(
  { length: 30 },
  (_, i) => `Paragraph ${i + 1}: the layer cache is invalidated by every change above this line.`,
).join("\n\n");

test("long comments are folded with Show more, without JavaScript, and the page has the instructor tools", async ({
  browser,
}) => {
  const author = await createAccount("learner", "Verbose Vera");
  const reporter = await createAccount("learner", "Reporting Rita");
  const staff = await createAccount("instructor", "Moderating Mo");
  const id = await reportedComment(author.email, reporter.email, "volumes", LONG);
  const { page, context } = await signedIn(browser, staff.email, false);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/moderation");
    const item = page.locator(`[data-moderation="${id}"]`);
    const body = item.locator(".comment-body");
    await expect(body).toContainText("Paragraph 1:");
    const folded = (await body.boundingBox())!.height;
    expect(folded).toBeLessThan(320);
    await item.getByText("Show more").click();
    await expect(item.getByText("Paragraph 30:")).toBeVisible();
    expect((await body.boundingBox())!.height).toBeGreaterThan(folded + 300);
    await expectNoSidewaysScroll(page, `moderation at ${width}px`);
  }
  const nav = page.getByRole("navigation", { name: "Instructor tools" });
  await expect(nav.getByRole("link", { name: "Moderation" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Live preview" })).toBeVisible();
  await context.close();
});

async function tryToPost(page: Page, text: string) {
  await page.goto("/courses/docker/networking");
  await waitForHydration(page);
  const discussion = page.locator("#discussion");
  await discussion.scrollIntoViewIfNeeded();
  const box = discussion.getByRole("textbox", { name: /^Comment as/ });
  await box.fill(text);
  await discussion.getByRole("button", { name: "Post comment" }).click();
  return discussion;
}

test("an instructor hides all of an author's comments and suspends their posting, then lifts it; each shows who and when", {
  tag: "@db",
}, async ({ browser }) => {
  const author = await createAccount("learner", `Spammy ${randomUUID().slice(0, 4)}`);
  const reporter = await createAccount("learner", "Reporting Rob");
  const staff = await createAccount("instructor", "Moderating Max");
  const reported = await reportedComment(
    author.email,
    reporter.email,
    "networking",
    "Cheap stickers at example.com",
  );
  await reportedComment(author.email, reporter.email, "compose", "More cheap stickers at example.com");
  const mod = await signedIn(browser, staff.email);
  await mod.page.goto("/moderation");
  await waitForHydration(mod.page);
  const authorPanel = mod.page.locator(`[data-moderation="${reported}"] [data-author-actions]`);

  await authorPanel.getByRole("button", { name: `Hide all comments by ${author.name}` }).click();
  await expect(authorPanel).toContainText(/All comments hidden by Moderating Max/);
  const db = scriptClient(E2E_DATABASE_URL);
  try {
    const visible = await db.comment.count({ where: { author: { email: author.email }, hiddenAt: null } });
    expect(visible).toBe(0);
  } finally {
    await db.$disconnect();
  }

  await authorPanel.getByRole("button", { name: `Suspend posting by ${author.name}` }).click();
  await expect(authorPanel).toContainText(/Posting suspended by Moderating Max on \d/);
  await expectNoAxeViolations(mod.page, "moderation with a suspended author");

  const learner = await signedIn(browser, author.email);
  let discussion = await tryToPost(learner.page, "Stickers again");
  await expect(discussion.getByRole("alert")).toContainText("suspended");
  await expect(discussion.locator("[data-comment]").filter({ hasText: "Stickers again" })).toHaveCount(0);

  // Without JavaScript, the discussion page's plain form says the same.
  const plain = await signedIn(browser, author.email, false);
  await plain.page.goto("/courses/docker/networking/discussion");
  await plain.page.getByLabel(`Comment as ${author.name}`).fill("Stickers without JavaScript");
  await plain.page.getByRole("button", { name: "Post comment" }).click();
  await expect(plain.page.getByRole("alert")).toContainText("suspended your posting");
  await expect(plain.page.getByText("Stickers without JavaScript", { exact: true })).toHaveCount(0);
  await plain.context.close();

  await mod.page.reload();
  await authorPanel.getByRole("button", { name: `Lift the suspension of ${author.name}` }).click();
  await expect(authorPanel).toContainText(/Suspension lifted by Moderating Max/);
  discussion = await tryToPost(learner.page, "Sorry about the stickers");
  await expect(
    discussion.locator("[data-comment]").filter({ hasText: "Sorry about the stickers" }),
  ).toHaveCount(1);
  await learner.context.close();
  await mod.context.close();
});
