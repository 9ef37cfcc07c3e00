import { type Browser, expect, type Page, test } from "@playwright/test";

// What a reader without JavaScript gets from the site's frame: the theme of their system (no
// choice can be stored or applied without a script) and a way to sign in.

const PART_7 = "/courses/docker/multi-stage-builds";

async function withoutJavaScript(browser: Browser, colorScheme: "light" | "dark") {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
  return { context, page: await context.newPage() };
}

const colours = (page: Page) =>
  page.evaluate(() => {
    const token = document.querySelector(".code-block .line span");
    return {
      page: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      code: token ? getComputedStyle(token).color : null,
      codeDark: token ? getComputedStyle(token).getPropertyValue("--shiki-dark").trim() : null,
    };
  });

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

test("without JavaScript, a lesson follows the system's dark theme, code colours included", async ({
  browser,
}) => {
  const dark = await withoutJavaScript(browser, "dark");
  await dark.page.goto(PART_7);
  const seen = await colours(dark.page);
  expect(seen.page).toBe("rgb(15, 18, 22)");
  expect(seen.text).toBe("rgb(230, 232, 235)");
  expect(seen.codeDark).toMatch(/^#[0-9a-f]{6}$/i);
  expect(seen.code).toBe(rgb(seen.codeDark!));
  // The theme switch and the search button need a script to do anything: they are not offered.
  await expect(dark.page.locator("[data-theme-choice]")).toBeHidden();
  await expect(dark.page.getByRole("banner").getByRole("button")).toHaveCount(0);
  await dark.context.close();

  const light = await withoutJavaScript(browser, "light");
  await light.page.goto(PART_7);
  expect((await colours(light.page)).page).toBe("rgb(255, 255, 255)");
  await light.context.close();
});

test("with JavaScript, a stored light choice wins over a dark system, and the switch is there", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.addInitScript(() => localStorage.setItem("lectern-theme", "light"));
  await page.goto(PART_7);
  await expect(page.locator("html")).not.toHaveClass(/theme-auto|dark/);
  expect((await colours(page)).page).toBe("rgb(255, 255, 255)");
  await expect(page.getByRole("button", { name: /theme \(switch to/i })).toBeVisible();
});

test("without JavaScript, the header offers Sign in, returning to the page", async ({ browser }) => {
  const { context, page } = await withoutJavaScript(browser, "light");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(PART_7);
    const signIn = page.getByRole("banner").getByRole("link", { name: "Sign in" });
    await expect(signIn).toBeVisible();
    await expect(signIn).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(PART_7)}`);
    // One line, inside the header, and the page no wider than the window.
    const box = (await signIn.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(40);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await signInLinkLeadsToForm(page);
  await context.close();
});

async function signInLinkLeadsToForm(page: Page) {
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("without JavaScript, code blocks offer no Copy button (it needs a script), and the code is there", async ({
  browser,
}) => {
  const { context, page } = await withoutJavaScript(browser, "light");
  await page.goto(PART_7);
  const blocks = page.locator("[data-lesson-body] figure[data-code-block]");
  expect(await blocks.count()).toBeGreaterThan(5);
  await expect(blocks.first().locator("pre")).toBeVisible();
  await expect(blocks.first().locator(".code-block-title")).toBeVisible();
  // Every Copy button is in the HTML for the scripted page, and none is shown or reachable here.
  const copy = page.getByRole("button", { name: /^Copy/ });
  await expect(copy).toHaveCount(0);
  await expect(page.locator("[data-copy-code], [data-open-in-explorer]")).not.toHaveCount(0);
  for (const button of await page.locator("[data-copy-code], [data-open-in-explorer]").all())
    await expect(button).toBeHidden();
  await context.close();
});

test("a link to a place far down a lesson opens there at once, with or without JavaScript", async ({
  browser,
}) => {
  // What a reader meets after posting the quiz without JavaScript (the graded page comes back at
  // the quiz, 30,000 px down), and after following a shared link to a section.
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${PART_7}#check-your-understanding`);
    const heading = page.getByRole("heading", { level: 2, name: "Check your understanding" });
    // Not a glide from the top of the page through the whole lesson: in the window when the page
    // has loaded, and staying there.
    const top = () => heading.evaluate((h) => h.getBoundingClientRect().top);
    const atLoad = await top();
    expect(atLoad, `JavaScript ${javaScriptEnabled ? "on" : "off"}`).toBeGreaterThanOrEqual(0);
    expect(atLoad, `JavaScript ${javaScriptEnabled ? "on" : "off"}`).toBeLessThan(900);
    await expect(heading).toBeInViewport();
    await context.close();
  }
});
