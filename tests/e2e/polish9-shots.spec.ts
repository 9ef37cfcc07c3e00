import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { lessonTemplate } from "../../lib/instructor/template";
import { createAccount, signIn } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { lessonWithOneExercise } from "./support/lesson-source";
import { openPreview, setSource } from "./support/preview";
import { screenshotsInto } from "./support/shots";

// Screenshots for a person to look at: the preview's problems (none, one, three with a long
// message: out of sight, scrolled, all shown), an exercise draft changed on two devices, and two
// drafts that met when the learner signed in.
// LECTERN_SHOTS_DIR=/path npx playwright test -c tests/playwright.config.ts polish9-shots
// Skipped in the normal suite. Each also checks the page is never wider than the viewport.

const dir = process.env.LECTERN_SHOTS_DIR;
test.skip(!dir, "screenshots only when LECTERN_SHOTS_DIR is set");

const shot = screenshotsInto(dir);

const template = lessonTemplate(new Date("2026-01-05T00:00:00Z"));
const clean = template.replace("part: 11", "part: 7").replace("your-lesson-slug", "multi-stage-builds");
const longKey = "anAuthorsMisspeltFrontmatterKeyThatGoesOnAndOnWithoutAnySpaceToBreakItAnywhere";
const sources = {
  none: clean,
  one: clean.replace("</Callout>\n", ""),
  three: clean.replace("</Callout>\n", "").replace(/^updated: .*$/m, `updated: 2026-02-30\n${longKey}: yes`),
};

const context = (browser: Browser, width: number, theme: "light" | "dark") =>
  browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });

/** The next draft save's answer. */
const put = (p: Page) =>
  p.waitForResponse(
    (r) => r.url().includes("/api/learner/exercise-drafts") && r.request().method() === "PUT",
  );

/** Replaces the exercise's Dockerfile as a learner would (select all, then type). */
async function typeDraft(p: Page, exerciseId: string, text: string) {
  const card = p.locator(`[data-exercise="${exerciseId}"]`);
  // The editor mounts as the reader nears it (decision 036): at 1280 the card starts further off.
  await card.scrollIntoViewIfNeeded();
  await card.getByRole("textbox", { name: "Your Dockerfile" }).focus();
  await card.locator(".cm-content").click();
  await p.keyboard.press("ControlOrMeta+a");
  await p.keyboard.press("Backspace");
  await p.keyboard.insertText(text);
}

for (const width of [390, 1280] as const)
  for (const theme of ["light", "dark"] as const) {
    const tag = `${width}-${theme}`;
    test(`preview problems at ${tag}`, async ({ browser }) => {
      const author = await createAccount("instructor", `Author ${randomUUID().slice(0, 4)}`);
      const desk = await context(browser, width, theme);
      const page = await desk.newPage();
      await signIn(page, author.email);
      await openPreview(page);
      const region = page.locator("[data-problems-region]");
      for (const [name, source] of Object.entries(sources)) {
        await setSource(page, source);
        await shot(page, `preview-${name}-${tag}`, region);
      }
      await shot(page, `preview-three-page-${tag}`);
      await page.locator("[data-diagnostics]").evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(region.getByText(/more above/)).toBeVisible();
      await shot(page, `preview-three-scrolled-${tag}`, region);
      await region.getByRole("button", { name: /Show all/ }).click();
      await shot(page, `preview-three-all-${tag}`, region);
      await desk.close();
    });

    test(`a draft changed on two devices at ${tag}`, async ({ browser }) => {
      const { path, exercise } = lessonWithOneExercise();
      const account = await createAccount("learner", `Drafts ${randomUUID().slice(0, 4)}`);
      const type = (p: Page, text: string) => typeDraft(p, exercise.id, text);
      const a = await context(browser, width, theme);
      const b = await context(browser, width, theme);
      const laptop = await a.newPage();
      const phone = await b.newPage();
      for (const p of [laptop, phone]) {
        await signIn(p, account.email, undefined, path);
        await waitForHydration(p);
      }
      // The phone types offline; the laptop saves meanwhile; the phone comes back.
      await phone.route("**/api/learner/exercise-drafts", (r) =>
        r.request().method() === "PUT" ? r.abort() : r.continue(),
      );
      const refused = phone.waitForRequest(
        (r) => r.url().includes("/api/learner/exercise-drafts") && r.method() === "PUT",
      );
      await type(phone, `${exercise.starter.trimEnd()}\n# typed on the phone, offline\n`);
      await refused;
      const saved = put(laptop);
      await type(laptop, `${exercise.starter.trimEnd()}\n# saved on the laptop meanwhile\nUSER app\n`);
      await saved;
      await phone.unroute("**/api/learner/exercise-drafts");
      await phone.reload();
      await waitForHydration(phone);
      const card = phone.locator(`[data-exercise="${exercise.id}"] form`).first();
      await expect(card.getByRole("alert")).toBeVisible();
      await shot(phone, `draft-conflict-${tag}`, card);
      await a.close();
      await b.close();
    });

    test(`two drafts that met at sign-in at ${tag}`, async ({ browser }) => {
      const { path, exercise } = lessonWithOneExercise();
      const account = await createAccount("learner", `Drafts ${randomUUID().slice(0, 4)}`);
      const type = (p: Page, text: string) => typeDraft(p, exercise.id, text);
      // The account's draft on the laptop; then, on the phone, a draft before signing in there.
      const a = await context(browser, width, theme);
      const laptop = await a.newPage();
      await signIn(laptop, account.email, undefined, path);
      await waitForHydration(laptop);
      let saved = put(laptop);
      await type(laptop, `${exercise.starter.trimEnd()}\n# saved in the account on the laptop\nUSER app\n`);
      await saved;
      await a.close();
      const b = await context(browser, width, theme);
      const phone = await b.newPage();
      await phone.goto(path);
      await waitForHydration(phone);
      saved = put(phone);
      await type(phone, `${exercise.starter.trimEnd()}\n# typed on the phone before signing in\n`);
      await saved;
      await signIn(phone, account.email, undefined, path);
      await waitForHydration(phone);
      const card = phone.locator(`[data-exercise="${exercise.id}"] form`).first();
      await expect(card.getByRole("alert")).toContainText("Signing in brought");
      await shot(phone, `drafts-met-at-sign-in-${tag}`, card);
      await b.close();
    });
  }
