import { randomUUID } from "node:crypto";
import { type Browser, expect, test } from "@playwright/test";
import { lessonTemplate } from "../../lib/instructor/template";
import { createAccount, signIn } from "./support/accounts";
import { expectNoSidewaysScroll } from "./support/layout";
import { openPreview, setSource } from "./support/preview";

// What an author sees in the live preview: errors where they are looking, each located at its
// mistake and said once, in words about the lesson (not the parser's paths).

async function instructor(browser: Browser, width = 1280) {
  const account = await createAccount("instructor", `Author ${randomUUID().slice(0, 4)}`);
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await signIn(page, account.email);
  return { context, page };
}

const template = lessonTemplate(new Date("2026-01-05T00:00:00Z"));
const lineOf = (source: string, pattern: RegExp) => source.split("\n").findIndex((l) => pattern.test(l)) + 1;
const problems = (page: import("@playwright/test").Page) => page.locator("[data-diagnostics] button");

test("the error list shows where the author is looking, and an unclosed tag is reported at its line", async ({
  browser,
}) => {
  const { page, context } = await instructor(browser);
  await openPreview(page);
  // The tip's closing tag is missing: the mistake is on the line that opens it.
  const source = template.replace("</Callout>\n", "");
  await setSource(page, source);
  // One error (the template's part 11 is not in course.json: that is a warning).
  const errors = problems(page).filter({ hasText: /^Error/ });
  const first = errors.first();
  await expect(first).toBeInViewport();
  await expect(errors).toHaveCount(1);
  await expect(first).toHaveAttribute("data-line", String(lineOf(source, /^<Callout/)));
  await expect(first).toContainText("<Callout>");
  await expect(first).not.toContainText("backticks");
  await expectNoSidewaysScroll(page, "preview with errors");
  await context.close();
});

test("one error per mistake, quiz errors name the question, and a part not in course.json is a warning", async ({
  browser,
}) => {
  const { page, context } = await instructor(browser);
  await openPreview(page);

  await setSource(page, template.replace(/^updated: .*$/m, "updated: 2026-1-5"));
  await expect(problems(page).filter({ hasText: "updated" })).toHaveCount(1);

  // The second question (a true/false one) loses its answer.
  await setSource(page, template.replace("    answer: true\n", ""));
  const quizError = problems(page).filter({ hasText: "Quiz" });
  await expect(quizError).toHaveCount(1);
  await expect(quizError).toContainText('question 2 ("non-root")');
  await expect(quizError).not.toContainText("questions.1");

  // Part 11 is not in the Docker course's course.json: a warning, and the lesson still renders.
  await setSource(page, template);
  const warning = problems(page).filter({ hasText: "course.json" });
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText("Warning");
  await expect(warning).toContainText("Part 11");
  await expect(page.locator("[data-preview-lesson]")).toBeVisible();
  // A lesson that course.json lists as it says: no warning.
  await setSource(
    page,
    template.replace("part: 11", "part: 7").replace("your-lesson-slug", "multi-stage-builds"),
  );
  await expect(page.locator("#preview-problems")).toContainText("No problems");
  await context.close();
});

test("footnotes are set apart from the last section, and task-list items have no bullet", async ({
  browser,
}) => {
  const { page, context } = await instructor(browser);
  await openPreview(page);
  const source = template.replace(
    "## Summary\n",
    "## Summary\n\nBuildKit caches layers.[^cache]\n\n- [x] Build the image\n- [ ] Push it\n\n[^cache]: See the BuildKit documentation.\n",
  );
  await setSource(page, source);
  const lesson = page.locator("[data-preview-lesson]");
  await expect(lesson).toBeVisible();
  const notes = lesson.locator("section[data-footnotes]");
  await expect(notes.getByRole("heading", { name: "Footnotes" })).toBeVisible();
  const style = await notes.evaluate((el) => {
    const s = getComputedStyle(el);
    const p = el.closest(".lesson-prose")!.querySelector(":scope > p")!;
    return {
      rule: Number.parseFloat(s.borderTopWidth),
      size: Number.parseFloat(s.fontSize),
      prose: Number.parseFloat(getComputedStyle(p).fontSize),
    };
  });
  expect(style.rule).toBeGreaterThanOrEqual(1);
  expect(style.size).toBeLessThan(style.prose);

  const item = lesson.locator("li.task-list-item").first();
  expect(await item.evaluate((el) => getComputedStyle(el).listStyleType)).toBe("none");
  const [prose, box] = await Promise.all([
    lesson.locator(".lesson-prose").boundingBox(),
    item.getByRole("checkbox").boundingBox(),
  ]);
  // The checkbox takes the bullet's place: the list starts at the text's left edge.
  expect(box!.x - prose!.x).toBeLessThan(4);
  await context.close();
});

for (const width of [1280, 390]) {
  test(`at ${width} px the editor stays where it is when errors appear and go while the author types`, async ({
    browser,
  }) => {
    const { page, context } = await instructor(browser, width);
    const editor = await openPreview(page);
    const clean = template.replace("part: 11", "part: 7").replace("your-lesson-slug", "multi-stage-builds");
    await setSource(page, clean);
    await expect(page.locator("#preview-problems")).toContainText("No problems");
    // The author is typing in the editor: where it is on screen is where their cursor is.
    await editor.click();
    const top = async () => (await editor.boundingBox())!.y;
    const before = await top();
    // Three mistakes at once: an unclosed tag, a date that does not exist, a quiz without an answer.
    await setSource(
      page,
      clean
        .replace("</Callout>\n", "")
        .replace(/^updated: .*$/m, "updated: 2026-02-30")
        .replace("    answer: true\n", ""),
    );
    await expect(problems(page).filter({ hasText: /^Error/ })).not.toHaveCount(0);
    await expect(
      problems(page)
        .filter({ hasText: /^Error/ })
        .first(),
    ).toBeInViewport();
    expect(await top(), "the editor did not move when errors appeared").toBeCloseTo(before, 0);
    await setSource(page, clean);
    await expect(page.locator("#preview-problems")).toContainText("No problems");
    expect(await top(), "the editor did not move when the errors went").toBeCloseTo(before, 0);
    await context.close();
  });
}

for (const width of [390, 1280]) {
  test(`at ${width} px the author sees how many errors there are, is told when some are out of sight, and reaches each at its line and column`, async ({
    browser,
  }) => {
    const { page, context } = await instructor(browser, width);
    const editor = await openPreview(page);
    const clean = template.replace("part: 11", "part: 7").replace("your-lesson-slug", "multi-stage-builds");
    // Three mistakes: an unclosed tag, a date that does not exist, and a misspelt key long enough
    // to need wrapping.
    const longKey = "anAuthorsMisspeltFrontmatterKeyThatGoesOnAndOnWithoutAnySpaceToBreakItAnywhere";
    const source = clean
      .replace("</Callout>\n", "")
      .replace(/^updated: .*$/m, `updated: 2026-02-30\n${longKey}: yes`);
    await setSource(page, source);
    const region = page.locator("#preview-problems");
    const errors = problems(page).filter({ hasText: /^Error/ });
    await expect(errors).toHaveCount(3);
    await expect(region.getByRole("heading", { level: 2 })).toHaveText(/^3 errors/);
    const total = await problems(page).count();

    // They do not all fit the region under the label: it says so, where the author is looking.
    const list = region.locator("[data-diagnostics]");
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
    const more = region.getByText(/^\d+ more below/);
    await expect(more).toBeInViewport();
    // Scrolling the list to its end leaves none below, and says how many are above.
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(region.getByText(/^\d+ more above/)).toBeVisible();
    await expect(more).toBeHidden();
    await expectNoSidewaysScroll(page, `preview with ${total} problems at ${width} px`);

    // Asked to, the region grows to hold them all; each one then moves the cursor to its place.
    await region.getByRole("button", { name: `Show all ${total} problems` }).click();
    await expect(region.getByRole("button", { name: "Show fewer" })).toHaveAttribute("aria-expanded", "true");
    expect(await list.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    await expect(region.getByText(/more (below|above)/)).toHaveCount(0);
    for (let i = 0; i < 3; i++) {
      const error = errors.nth(i);
      await error.scrollIntoViewIfNeeded();
      await expect(error).toBeInViewport({ ratio: 1 });
      const line = Number(await error.getAttribute("data-line"));
      const column = Number(await error.getAttribute("data-column"));
      await expect(error).toContainText(`line ${line}, column ${column}`);
      await error.click();
      await expect(editor).toBeFocused();
      const at = await editor.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
      const before = source.slice(0, at).split("\n");
      expect({ line: before.length, column: before.at(-1)!.length + 1 }).toEqual({ line, column });
    }
    await expect(errors.filter({ hasText: longKey })).toHaveCount(1);
    await expectNoSidewaysScroll(page, `preview with every problem shown at ${width} px`);
    await context.close();
  });
}
