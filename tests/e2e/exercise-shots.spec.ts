import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { useTheme } from "./support/axe";
import { waitForHydration } from "./support/hydration";
import { lessonWithOneExercise } from "./support/lesson-source";

// Screenshots of an exercise in each state for a person to look at:
// LECTERN_SHOTS_DIR=/path npx playwright test -c tests/playwright.config.ts exercise-shots
// Skipped in the normal suite. Each also checks the page is never wider than the viewport.

const dir = process.env.LECTERN_SHOTS_DIR;
test.skip(!dir, "screenshots only when LECTERN_SHOTS_DIR is set");

const { path: LESSON, exercise } = lessonWithOneExercise();

async function shot(page: Page, target: Locator, name: string) {
  await page
    .locator("header")
    .first()
    .evaluate((el) => {
      (el as HTMLElement).style.position = "static";
    });
  await target.scrollIntoViewIfNeeded();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await target.screenshot({ path: `${dir}/${name}.png` });
}

async function replaceText(page: Page, section: Locator, text: string) {
  await section.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.insertText(text);
}

for (const width of [390, 1280] as const)
  for (const theme of ["light", "dark"] as const) {
    const tag = `${width}-${theme}`;
    test(`exercise states at ${tag}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(LESSON);
      await waitForHydration(page);
      await useTheme(page, theme);
      const section = page.locator(`[data-exercise="${exercise.id}"]`);
      await shot(page, section, `empty-${tag}`);
      await section.getByRole("textbox", { name: "Your Dockerfile" }).focus();
      await expect(section.locator(".cm-editor")).toBeVisible();
      await section.getByRole("button", { name: "Check my Dockerfile" }).click();
      await expect(section.locator(".exercise-result")).toContainText("Not yet");
      const more = section.getByRole("button", { name: /More hints/ }).first();
      if (await more.count()) {
        await more.click();
        await expect(section.getByText("Hint 2:").first()).toBeVisible();
      }
      await shot(page, section, `failed-with-hints-${tag}`);
      await replaceText(page, section, "");
      await section.getByRole("button", { name: "Check my Dockerfile" }).click();
      await expect(section.getByRole("alert")).toBeVisible();
      await shot(page, section, `error-${tag}`);
      await replaceText(page, section, exercise.solution);
      await section.getByRole("button", { name: "Check my Dockerfile" }).click();
      await expect(section.locator(".exercise-result")).toContainText("Passed");
      await shot(page, section, `passed-${tag}`);
      await section.getByRole("link", { name: "Show solution" }).click();
      await expect(section.getByRole("heading", { name: "A reference solution" })).toBeVisible();
      await shot(page, section, `solution-${tag}`);
    });

    test(`no JavaScript at ${tag}`, async ({ browser }) => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
        colorScheme: theme,
      });
      const page = await context.newPage();
      await page.goto(LESSON);
      const section = page.locator(`[data-exercise="${exercise.id}"]`);
      await shot(page, section, `nojs-lesson-${tag}`);
      await section.getByRole("textbox", { name: "Your Dockerfile" }).fill(exercise.starter);
      await section.getByRole("button", { name: "Check my Dockerfile" }).click();
      await expect(page).toHaveURL(/\?attempt=/);
      await shot(page, page.locator("main"), `nojs-result-${tag}`);
      await context.close();
    });

    test(`instructor analysis at ${tag}`, async ({ browser }) => {
      const account = await createAccount("instructor", `Shots ${randomUUID().slice(0, 4)}`);
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signIn(page, account.email);
      await page.goto("/instructor/exercises");
      await waitForHydration(page);
      await useTheme(page, theme);
      const report = page.locator(`[data-exercise-analysis="${exercise.id}"]`).first();
      const samples = report.getByText(/submissions? that failed/);
      if (await samples.count()) await samples.click();
      await shot(page, report, `instructor-${tag}`);
      await context.close();
    });
  }
