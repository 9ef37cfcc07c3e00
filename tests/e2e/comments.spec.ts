import { expect, type Page, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";

async function openDiscussion(page: Page, lesson: string) {
  await page.goto(`/courses/docker/${lesson}`);
  await waitForHydration(page);
  const discussion = page.locator("#discussion");
  await discussion.scrollIntoViewIfNeeded();
  await expect(discussion.getByText(/comments?$|Loading/).first()).toBeVisible();
  return discussion;
}

async function post(discussion: ReturnType<Page["locator"]>, text: string) {
  const box = discussion.getByRole("textbox", { name: /^Comment as/ });
  await box.fill(text);
  await discussion.getByRole("button", { name: "Post comment" }).click();
  await expect(box).toHaveValue("");
}

test("signed out, a lesson invites sign-in and shows the empty state", async ({ page }) => {
  const discussion = await openDiscussion(page, "what-is-docker");
  await expect(discussion.getByRole("link", { name: "Sign in to leave a comment" })).toHaveAttribute(
    "href",
    `/sign-in?next=${encodeURIComponent("/courses/docker/what-is-docker#discussion")}`,
  );
  await expect(discussion.getByText("No comments yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "0 comments" })).toBeVisible();
});

test("a learner posts, replies, edits and deletes; a deleted comment with replies stays as [deleted]", {
  tag: "@db",
}, async ({ page }) => {
  const learner = await createAccount("learner", "Margaret");
  await signIn(page, learner.email);
  const discussion = await openDiscussion(page, "first-container");
  await post(discussion, "Does `--rm` also remove **volumes**?");
  const first = discussion.locator("[data-comment]").first();
  await expect(first).toContainText("Does --rm also remove volumes?");
  await expect(first.locator("code")).toHaveText("--rm");
  await expect(first.locator("strong")).toHaveText("volumes");

  await first.getByRole("button", { name: "Reply" }).click();
  await first.getByRole("textbox", { name: /^Reply to/ }).fill("Anonymous volumes, yes; named ones stay.");
  await first.getByRole("button", { name: "Post reply" }).click();
  const reply = first.getByRole("list", { name: "Replies" }).locator("[data-comment]");
  await expect(reply).toContainText("named ones stay");

  await reply.getByRole("button", { name: "Edit" }).click();
  await reply
    .getByRole("textbox", { name: "Edit your comment" })
    .fill("Anonymous volumes, yes; named volumes stay.");
  await reply.getByRole("button", { name: "Save" }).click();
  await expect(reply).toContainText("named volumes stay");
  await expect(reply).toContainText("edited");

  await first.getByRole("button", { name: "Delete" }).first().click();
  await first.getByRole("button", { name: "Delete comment" }).click();
  await expect(first.locator("header").first()).toContainText("[deleted]");
  await expect(reply).toContainText("named volumes stay");
  await expect(page.getByRole("link", { name: "1 comment" })).toBeVisible();
});

test("posting, reporting and hiding on the lesson page answer with their result, not a re-render of the lesson", {
  tag: "@db",
}, async ({ browser }) => {
  // An action that revalidates a path or sets a cookie makes Next render the whole current page
  // into its answer: for a lesson, tens of KB the island never uses, and seconds on a busy server
  // while the form still shows its text. The thread refetches what it shows itself.
  const author = await createAccount("learner", "Quick Quinn");
  const instructor = await createAccount("instructor", "Teacher Tess");
  // Next marks an answer that carries a re-render with x-action-revalidated (its action handler
  // renders the page exactly when it sets that header).
  const actions: { name: string; revalidated: string | undefined }[] = [];
  /** Does `act` and records the answer of the server action it sends. */
  const answer = async (page: Page, name: string, act: () => Promise<void>) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]),
      act(),
    ]);
    actions.push({ name, revalidated: response.headers()["x-action-revalidated"] });
  };

  const authorPage = await (await browser.newContext()).newPage();
  await signIn(authorPage, author.email);
  const discussion = await openDiscussion(authorPage, "multi-stage-builds");
  const text = `Does the builder stage stay in the final image? (${author.email})`;
  await answer(authorPage, "post", () => post(discussion, text));

  const reporter = await createAccount("learner", "Careful Cleo");
  const reporterPage = await (await browser.newContext()).newPage();
  await signIn(reporterPage, reporter.email);
  const reported = (await openDiscussion(reporterPage, "multi-stage-builds"))
    .locator("[data-comment]")
    .filter({ hasText: text });
  await reported.getByRole("button", { name: "Report" }).click();
  await answer(reporterPage, "report", () => reported.getByRole("button", { name: "Send report" }).click());
  await expect(reported.getByText("Reported — thank you")).toBeVisible();

  const instructorPage = await (await browser.newContext()).newPage();
  await signIn(instructorPage, instructor.email);
  const hidden = (await openDiscussion(instructorPage, "multi-stage-builds"))
    .locator("[data-comment]")
    .filter({ hasText: text });
  await answer(instructorPage, "hide", () => hidden.getByRole("button", { name: "Hide" }).click());
  await expect(hidden.getByText("Hidden from learners")).toBeVisible();

  expect(actions.map((a) => a.name)).toEqual(["post", "report", "hide"]);
  for (const action of actions) {
    expect(action, `${action.name} re-rendered the page`).toMatchObject({ revalidated: undefined });
  }
});

test("a reported comment can be hidden by an instructor; learners then no longer see it", {
  tag: "@db",
}, async ({ browser }) => {
  const author = await createAccount("learner", "Spammy Sam");
  const reporter = await createAccount("learner", "Careful Cora");
  const instructor = await createAccount("instructor", "Teacher Tom");
  const authorPage = await (await browser.newContext()).newPage();
  await signIn(authorPage, author.email);
  let discussion = await openDiscussion(authorPage, "images-and-layers");
  await post(discussion, "Buy cheap container stickers at example.com!!!");

  const reporterPage = await (await browser.newContext()).newPage();
  await signIn(reporterPage, reporter.email);
  discussion = await openDiscussion(reporterPage, "images-and-layers");
  const spam = discussion.locator("[data-comment]").filter({ hasText: "container stickers" });
  await spam.getByRole("button", { name: "Report" }).click();
  await spam.getByLabel("Why are you reporting this?").selectOption("spam");
  await spam.getByRole("button", { name: "Send report" }).click();
  await expect(spam.getByText("Reported — thank you")).toBeVisible();

  const staffPage = await (await browser.newContext()).newPage();
  await signIn(staffPage, instructor.email, undefined, "/moderation");
  const queued = staffPage.locator("[data-moderation]").filter({ hasText: "container stickers" });
  await expect(queued).toContainText("1 open report: Spam or advertising");
  await expectNoAxeViolations(staffPage, "moderation");
  await queued.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(queued.getByText("Hidden")).toBeVisible();

  await reporterPage.reload();
  discussion = await openDiscussion(reporterPage, "images-and-layers");
  await expect(discussion.getByText("container stickers")).toHaveCount(0);
  // Staff still see it, marked as hidden, and their badge shows on their own comments.
  discussion = await openDiscussion(staffPage, "images-and-layers");
  await expect(discussion.locator("[data-comment]").filter({ hasText: "container stickers" })).toContainText(
    "Hidden from learners",
  );
  await post(discussion, "Hidden for advertising. Please keep the thread on topic.");
  await expect(discussion.locator("[data-comment]").filter({ hasText: "keep the thread" })).toContainText(
    "Instructor",
  );

  // A learner cannot hide: the action refuses on the server whatever the browser sends.
  await expect(reporterPage.getByRole("button", { name: "Hide" })).toHaveCount(0);
  const learnerModeration = await reporterPage.goto("/moderation");
  expect(learnerModeration?.status()).toBe(404);
});

test("markup from the XSS vector list renders inert", async ({ page }) => {
  const learner = await createAccount("learner", "Mallory");
  await signIn(page, learner.email);
  const discussion = await openDiscussion(page, "writing-dockerfiles");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const payload = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=2</script>",
    "[click me](javascript:window.__xss=3)",
    '<svg onload="window.__xss=4"></svg>',
    "[entity](&#106;avascript:window.__xss=5)",
  ].join("\n\n");
  await post(discussion, payload);
  const comment = discussion.locator("[data-comment]").first();
  await expect(comment).toContainText("click me");
  await comment
    .getByText("click me")
    .click({ noWaitAfter: true })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const body = comment.locator(".comment-body").first();
  await expect(body.locator("img, script, svg, iframe")).toHaveCount(0);
  for (const href of await body
    .locator("a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
    expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
  }
  const rels = await body.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("rel")));
  for (const rel of rels) expect(rel).toBe("nofollow ugc noopener");
});

test("posting works without JavaScript on the discussion page", { tag: "@db" }, async ({ browser }) => {
  const learner = await createAccount("learner", "No Script Nora");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in?next=/courses/docker/networking/discussion");
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses\/docker\/networking\/discussion/);
  await page.getByLabel("Comment as No Script Nora").fill("Posted with JavaScript switched off.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Posted with JavaScript switched off.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Discussion \(\d+\)/ })).toBeVisible();
  await context.close();
});

test("a lesson with a thread has no axe violations", async ({ page }) => {
  const learner = await createAccount("learner", "Axe Alice");
  await signIn(page, learner.email);
  const discussion = await openDiscussion(page, "compose");
  await post(discussion, "A comment so that the thread has content.");
  // The thread; the lesson page around it is course.spec's scan of each part.
  await expectNoAxeViolations(page, "lesson with a thread", discussion);
});
