import { expect, type Locator, type Page, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { expectNoSidewaysScroll, expectWithin, LONG_URL, LONG_WORD, WIDTHS } from "./support/layout";

// Reading and linking comments: long text wraps, links are links, permalinks land, and the
// preview is what will be stored (issue 18, items 4–7).

async function openThread(page: Page, lesson: string, hash = "") {
  await page.goto(`/courses/docker/${lesson}${hash}`);
  await waitForHydration(page);
  const discussion = page.locator("#discussion");
  await expect(discussion.getByText(/\d+ comments?$/).first()).toBeVisible();
  return discussion;
}

async function post(discussion: Locator, text: string) {
  const box = discussion.getByRole("textbox", { name: /^Comment as/ });
  await box.fill(text);
  await discussion.getByRole("button", { name: "Post comment" }).click();
  await expect(box).toHaveValue("");
}

test("a 5,000-character word or a long URL in a comment never widens the page or crosses a column", async ({
  page,
}) => {
  const learner = await createAccount("learner", "Wide Walter");
  await signIn(page, learner.email);
  const discussion = await openThread(page, "multi-stage-builds");
  await post(discussion, LONG_WORD);
  // A fence opens a code block only at the start of a line.
  await post(discussion, `See ${LONG_URL} and this:\n\n\`\`\`\n${"x".repeat(400)}\n\`\`\``);
  await expect(discussion.locator("[data-comment]")).toHaveCount(2);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await expect(discussion.locator("[data-comment]")).toHaveCount(2);
    await expectNoSidewaysScroll(page, `Part 7 with long comments at ${width}px`);
    for (const comment of await discussion.locator("[data-comment]").all())
      await expectWithin(comment, page.locator("main"), `a long comment at ${width}px`);
    // Code keeps its lines: it scrolls inside its own block instead.
    const pre = discussion.locator(".comment-body pre").first();
    expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await pre.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
  }
});

test("URLs and Markdown links in comments are links to http(s) only, with their host shown", async ({
  page,
}) => {
  const learner = await createAccount("learner", "Linking Lena");
  await signIn(page, learner.email);
  const discussion = await openThread(page, "volumes");
  await post(
    discussion,
    "Docs: https://docs.docker.com/engine/storage/volumes/ and [the guide](https://example.org/guide), [mail](mailto:a@example.org), [js](javascript:alert(1))",
  );
  const body = discussion.locator("[data-comment] .comment-body").first();
  const bare = body.getByRole("link", { name: "https://docs.docker.com/engine/storage/volumes/" });
  await expect(bare).toHaveAttribute("href", "https://docs.docker.com/engine/storage/volumes/");
  await expect(bare).toHaveAttribute("rel", "nofollow ugc noopener");
  const guide = body.getByRole("link", { name: /the guide/ });
  await expect(guide).toHaveAttribute("href", "https://example.org/guide");
  // A link whose words hide where it goes shows its host.
  await expect(body).toContainText(/the guide\s*\(example\.org\)/);
  for (const href of await body.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")))
    expect(href).toMatch(/^https?:\/\//);
  await expect(body).toContainText("mail");
});

test("a link to #discussion lands on the thread once it has loaded; a comment's permalink lands on it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const learner = await createAccount("learner", "Permalink Pia");
  await signIn(page, learner.email);
  let discussion = await openThread(page, "networking");
  for (let i = 1; i <= 6; i++)
    await post(discussion, `Comment number ${i}\n\n${"A longer paragraph. ".repeat(30)}`);
  const third = discussion.locator("[data-comment]").filter({ hasText: "Comment number 3" });
  await third.getByRole("button", { name: "Copy link" }).click();
  const id = await third.getAttribute("data-comment");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`/courses/docker/networking#comment-${id}$`));
  await expect(third.getByRole("status")).toHaveText("Link copied");

  const fresh = await (await page.context().browser()!.newContext()).newPage();
  await fresh.setViewportSize({ width: 1280, height: 800 });
  discussion = await openThread(fresh, "networking", "#discussion");
  await expect(fresh.getByRole("heading", { name: "Discussion", exact: true })).toBeInViewport();

  await fresh.goto(copied);
  await expect(fresh.locator(`[data-comment="${id}"]`)).toBeInViewport();
  await expect(fresh.locator(`[data-comment="${id}"]`)).toHaveAttribute("data-targeted", "");
});

test("Preview shows exactly what posting stores", { tag: "@db" }, async ({ page }) => {
  const learner = await createAccount("learner", "Preview Pat");
  await signIn(page, learner.email);
  const discussion = await openThread(page, "compose");
  const text = "**Bold**, `code`, <b>raw</b> and https://example.com/x\n\n- one\n- two";
  await discussion.getByRole("textbox", { name: /^Comment as/ }).fill(text);
  await discussion.getByRole("tab", { name: "Preview" }).click();
  const preview = discussion.getByTestId("comment-preview");
  await expect(preview.locator("strong")).toHaveText("Bold");
  await expect(preview).toContainText("<b>raw</b>");
  const previewed = await preview.innerHTML();
  await discussion.getByRole("tab", { name: "Write" }).click();
  await expect(discussion.getByRole("textbox", { name: /^Comment as/ })).toHaveValue(text);
  await discussion.getByRole("button", { name: "Post comment" }).click();
  const stored = discussion.locator("[data-comment] .comment-body").first();
  await expect(stored.locator("strong")).toHaveText("Bold");
  expect(await stored.innerHTML()).toBe(previewed);

  // An empty comment previews as the message posting would give.
  await discussion.getByRole("tab", { name: "Preview" }).click();
  await expect(discussion.getByTestId("comment-preview")).toContainText("Write something");
});
