import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { expectNoSidewaysScroll } from "./support/layout";
import { lessonWithOneExercise } from "./support/lesson-source";

// Exercise details a learner meets on a phone, without JavaScript and across signing up: long
// Dockerfile lines stay lines, a double submit is one attempt, and a draft follows the learner.

const target = lessonWithOneExercise();
const exercise = target.exercise;
const EXERCISE_PAGE = `${target.path}/exercises/${exercise.id}`;

// A Dockerfile whose meaning is in its line breaks: continuations and indentation.
const LONG_LINES = `${exercise.starter.trimEnd()}
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git \\
    && rm -rf /var/lib/apt/lists/*
`;

const dockerfile = (scope: Page | Locator) => scope.getByRole("textbox", { name: "Your Dockerfile" });
const section = (page: Page) => page.locator(`[data-exercise="${exercise.id}"]`);

/** True when the element's longest line runs past its width (it scrolls sideways instead of wrapping). */
/** Opens the editor and replaces its text as a learner would (select all, then paste). */
async function typeInEditor(page: Page, card: Locator, text: string) {
  await dockerfile(card).focus();
  await card.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.insertText(text);
}

const scrollsSideways = (element: Locator) => element.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

test("on a phone long Dockerfile lines stay one line each, in the form without JavaScript and in the editor", async ({
  browser,
}) => {
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await noJs.newPage();
  for (const path of [target.path, EXERCISE_PAGE]) {
    await page.goto(path);
    const area = dockerfile(section(page));
    await area.fill(LONG_LINES);
    await expect(area).toHaveAttribute("wrap", "off");
    expect(await scrollsSideways(area), `${path}: the textarea scrolls sideways`).toBe(true);
    await expectNoSidewaysScroll(page, `${path} without JavaScript at 390 px`);
  }
  await noJs.close();

  const withJs = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await withJs.newPage();
  await phone.goto(target.path);
  await waitForHydration(phone);
  const card = section(phone);
  await typeInEditor(phone, card, LONG_LINES);
  const lines = card.locator(".cm-line");
  await expect(lines).toHaveCount(LONG_LINES.split("\n").length);
  // One visual row per line: the long RUN line is as tall as the FROM line.
  const heights = await lines.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThan(Math.min(...heights) * 1.5);
  expect(await scrollsSideways(card.locator(".cm-scroller"))).toBe(true);
  await expectNoSidewaysScroll(phone, "the lesson with the editor open at 390 px");
  await withJs.close();
});

/**
 * Submits the exercise form without JavaScript, then posts the very same request again (what a
 * second click or a resent form does), and returns the page showing the result.
 */
async function doubleSubmit(browser: Browser, path: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  const card = section(page);
  await dockerfile(card).fill(exercise.starter);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST"),
    card.getByRole("button", { name: "Check my Dockerfile" }).click(),
  ]);
  await expect(page).toHaveURL(/\?attempt=\w+/);
  const again = await context.request.post(request.url(), {
    headers: await request.allHeaders(),
    data: request.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  expect(again.status(), "the second post is answered like the first").toBeLessThan(500);
  await page.reload();
  return { context, page };
}

for (const [from, path] of [
  ["the lesson page", target.path],
  ["the exercise's own page", EXERCISE_PAGE],
] as const) {
  test(`without JavaScript a double submit from ${from} is one attempt`, { tag: "@db" }, async ({
    browser,
  }) => {
    const { context, page } = await doubleSubmit(browser, path);
    await expect(section(page).locator(".exercise-result")).toContainText("Not yet");
    await expect(section(page)).toContainText(/opens once you pass, or after \d+ attempts \(1 so far\)/);
    await context.close();
  });
}

test("a draft written before signing up is in the account afterwards, on another device too", {
  tag: "@db",
}, async ({ browser }) => {
  const draft = `${exercise.starter.trimEnd()}\n# my draft before signing up\n`;
  const laptop = await browser.newContext();
  const page = await laptop.newPage();
  await page.goto(target.path);
  await waitForHydration(page);
  await typeInEditor(page, section(page), draft);
  // The draft reaches the server a moment after typing stops.
  await page.waitForResponse((r) => r.url().includes("/api/learner/exercise-drafts") && r.ok());
  const email = uniqueEmail("drafter");
  await signUp(page, "Drafter", email, undefined, target.path);
  await laptop.close();

  // Another browser: nothing in its storage, only the account.
  const phone = await browser.newContext();
  const other = await phone.newPage();
  await signIn(other, email, undefined, target.path);
  await waitForHydration(other);
  await expect(dockerfile(section(other))).toHaveValue(draft);
  await phone.close();
});

for (const choice of ["Use the older draft", "Keep the draft in the editor"] as const)
  test(`two different drafts that meet at sign-in are both kept until the learner chooses: ${choice}`, {
    tag: "@db",
  }, async ({ browser }) => {
    const base = exercise.starter.trimEnd();
    const inAccount = `${base}\n# written on the laptop, signed in\n`;
    const beforeSignIn = `${base}\n# written on the phone, before signing in\n`;
    const email = uniqueEmail("two-drafts");
    const laptop = await browser.newContext();
    const l = await laptop.newPage();
    await signUp(l, "Two drafts", email, undefined, target.path);
    await l.goto(target.path);
    await waitForHydration(l);
    let saved = draftSaved(l);
    await typeInEditor(l, section(l), inAccount);
    await saved;
    await laptop.close();

    // On the phone, not signed in, the learner starts again; later they sign in there.
    const phone = await browser.newContext();
    const p = await phone.newPage();
    await p.goto(target.path);
    await waitForHydration(p);
    saved = draftSaved(p);
    await typeInEditor(p, section(p), beforeSignIn);
    await saved;
    await signIn(p, email, undefined, target.path);
    await waitForHydration(p);
    // The newer (the phone's) is in the editor; the account's is shown, not dropped.
    const met = section(p).getByRole("alert").filter({ hasText: "Signing in brought two different drafts" });
    await expect(met).toBeVisible();
    await expect(dockerfile(section(p))).toHaveValue(beforeSignIn);
    await expect(met.getByRole("region", { name: "The older draft" })).toContainText(
      "# written on the laptop, signed in",
    );
    await expectNoSidewaysScroll(p, "the lesson with two drafts shown");
    saved = draftSaved(p);
    await met.getByRole("button", { name: choice }).click();
    await saved;
    await expect(met).toBeHidden();
    const chosen = choice === "Use the older draft" ? inAccount : beforeSignIn;
    await expect(dockerfile(section(p))).toHaveValue(chosen);

    // Chosen once, for every device: no one is asked again.
    await p.reload();
    await waitForHydration(p);
    await expect(dockerfile(section(p))).toHaveValue(chosen);
    const again = await browser.newContext();
    const a = await again.newPage();
    await signIn(a, email, undefined, target.path);
    await waitForHydration(a);
    await expect(dockerfile(section(a))).toHaveValue(chosen);
    await expect(section(a).getByRole("alert")).toHaveCount(0);
    await expect(section(p).getByRole("alert")).toHaveCount(0);
    await again.close();
    await phone.close();
  });

/** A browser whose clock is `hours` off (a learner's device clock is theirs to set). */
async function deviceWithClock(browser: Browser, hours: number) {
  const context = await browser.newContext();
  await context.addInitScript((skew) => {
    const now = Date.now.bind(Date);
    Date.now = () => now() + skew;
  }, hours * 3_600_000);
  return context;
}

const draftSaved = (page: Page) =>
  page.waitForResponse(
    (r) => r.url().includes("/api/learner/exercise-drafts") && r.request().method() === "PUT" && r.ok(),
  );

test("the newer draft wins across devices whose clocks are hours apart, and nothing typed is lost", {
  tag: "@db",
}, async ({ browser }) => {
  const base = exercise.starter.trimEnd();
  const fromLaptop = `${base}\n# laptop, clock six hours fast\n`;
  const fromPhone = `${fromLaptop}# phone, later\n`;
  const offline = `${fromPhone}# phone, typed while offline\n`;
  const fromLaptopAgain = `${fromPhone}# laptop, meanwhile\n`;
  const laptop = await deviceWithClock(browser, +6);
  const phone = await deviceWithClock(browser, -6);
  const email = uniqueEmail("skewed");
  const l = await laptop.newPage();
  await signUp(l, "Skewed", email, undefined, target.path);
  await l.goto(target.path);
  await waitForHydration(l);
  let saved = draftSaved(l);
  await typeInEditor(l, section(l), fromLaptop);
  await saved;

  // The phone takes the laptop's draft and goes on from it.
  const p = await phone.newPage();
  await signIn(p, email, undefined, target.path);
  await waitForHydration(p);
  await expect(dockerfile(section(p))).toHaveValue(fromLaptop);
  saved = draftSaved(p);
  await typeInEditor(p, section(p), fromPhone);
  await saved;

  // Back on the laptop, whose clock says its own copy is six hours newer: the phone's is.
  await l.reload();
  await waitForHydration(l);
  await expect(section(l)).toContainText("Your saved draft was restored.");
  await expect(dockerfile(section(l))).toHaveValue(fromPhone);

  // The phone goes offline and types; meanwhile the laptop saves another version.
  await p.route("**/api/learner/exercise-drafts", (route) =>
    route.request().method() === "PUT" ? route.abort() : route.continue(),
  );
  const refused = p.waitForRequest(
    (r) => r.url().includes("/api/learner/exercise-drafts") && r.method() === "PUT",
  );
  await typeInEditor(p, section(p), offline);
  await refused;
  saved = draftSaved(l);
  await typeInEditor(l, section(l), fromLaptopAgain);
  await saved;

  // Online again, the phone (clock six hours slow) keeps what it typed and says there is another
  // version, which it shows; neither is dropped until the learner chooses.
  await p.unroute("**/api/learner/exercise-drafts");
  await p.reload();
  await waitForHydration(p);
  const conflict = section(p).getByRole("alert").filter({ hasText: "another tab or device" });
  await expect(conflict).toBeVisible();
  await expect(dockerfile(section(p))).toHaveValue(offline);
  await expect(conflict.getByRole("region", { name: "The other version" })).toContainText(
    "# laptop, meanwhile",
  );
  saved = draftSaved(p);
  await conflict.getByRole("button", { name: "Keep my version" }).click();
  await saved;
  await expect(conflict).toBeHidden();

  await l.reload();
  await waitForHydration(l);
  await expect(dockerfile(section(l))).toHaveValue(offline);
  await laptop.close();
  await phone.close();
});
