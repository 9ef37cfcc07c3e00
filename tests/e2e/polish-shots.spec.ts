import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { lessonTemplate } from "../../lib/instructor/template";
import { createAccount, signIn } from "./support/accounts";
import { useTheme } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { lessonWithOneExercise } from "./support/lesson-source";
import { openPreview, setSource } from "./support/preview";
import { screenshotsInto } from "./support/shots";

// Screenshots for a person to look at (long Dockerfile lines on a phone, a restored draft, the
// lesson's edges under the header, the preview's problem region):
// LECTERN_SHOTS_DIR=/path npx playwright test -c tests/playwright.config.ts polish-shots
// Skipped in the normal suite. Each also checks the page is never wider than the viewport.

const dir = process.env.LECTERN_SHOTS_DIR;
test.skip(!dir, "screenshots only when LECTERN_SHOTS_DIR is set");

const { path: LESSON, exercise } = lessonWithOneExercise();
const LONG = `${exercise.starter.trimEnd()}
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git \\
    && rm -rf /var/lib/apt/lists/*
`;

const shot = screenshotsInto(dir);

for (const width of [390, 1280] as const) {
  test(`long lines without JavaScript at ${width}`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(LESSON);
    const area = page
      .locator(`[data-exercise="${exercise.id}"]`)
      .getByRole("textbox", { name: "Your Dockerfile" });
    await area.fill(LONG);
    await shot(page, `nojs-long-lines-${width}`, area);
    await page
      .locator(`[data-exercise="${exercise.id}"]`)
      .getByRole("button", { name: "Check my Dockerfile" })
      .click();
    await expect(page).toHaveURL(/\?attempt=/);
    await shot(page, `nojs-result-${width}`, page.locator(`[data-exercise="${exercise.id}"] form`).first());
    await context.close();
  });

  for (const theme of ["light", "dark"] as const) {
    const tag = `${width}-${theme}`;
    test(`editor, draft and preview at ${tag}`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(LESSON);
      await waitForHydration(page);
      await useTheme(page, theme);
      const section = page.locator(`[data-exercise="${exercise.id}"]`);
      await section.getByRole("textbox", { name: "Your Dockerfile" }).focus();
      await section.locator(".cm-content").click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Backspace");
      await page.keyboard.insertText(LONG);
      await page.keyboard.press("ControlOrMeta+End");
      await shot(page, `editor-long-lines-${tag}`, section.locator("form").first());

      // The account's draft restored in another browser.
      const account = await createAccount("learner", `Drafts ${randomUUID().slice(0, 4)}`);
      await signIn(page, account.email, undefined, LESSON);
      await waitForHydration(page);
      await page.waitForResponse(
        (r) => r.url().includes("/api/learner/exercise-drafts") && r.request().method() === "PUT",
      );
      const other = await browser.newContext({ viewport: { width, height: 900 } });
      const phone = await other.newPage();
      await signIn(phone, account.email, undefined, LESSON);
      await waitForHydration(phone);
      await useTheme(phone, theme);
      const restored = phone.locator(`[data-exercise="${exercise.id}"] form`).first();
      await expect(restored).toContainText("Your saved draft was restored.");
      await shot(phone, `draft-restored-${tag}`, restored);
      await other.close();

      await context.close();
    });
  }
}

for (const width of [390, 1280] as const)
  for (const theme of ["light", "dark"] as const)
    test(`preview with errors at ${width}-${theme}`, async ({ browser }) => {
      const tag = `${width}-${theme}`;
      const author = await createAccount("instructor", `Author ${randomUUID().slice(0, 4)}`);
      const desk = await browser.newContext({ viewport: { width, height: 900 } });
      const preview = await desk.newPage();
      await signIn(preview, author.email);
      await openPreview(preview);
      await useTheme(preview, theme);
      const template = lessonTemplate(new Date("2026-01-05T00:00:00Z"));
      await setSource(
        preview,
        template.replace("</Callout>\n", "").replace(/^updated: .*$/m, "updated: 2026-02-30"),
      );
      await preview.getByRole("textbox", { name: "Lesson source (MDX)" }).click();
      await shot(preview, `preview-errors-${tag}`);
      await desk.close();
    });

for (const width of [1280, 1440, 1920] as const)
  for (const theme of ["light", "dark"] as const)
    test(`lesson under the header at ${width}-${theme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(LESSON);
      await waitForHydration(page);
      await useTheme(page, theme);
      await shot(page, `lesson-${width}-${theme}`);
    });
