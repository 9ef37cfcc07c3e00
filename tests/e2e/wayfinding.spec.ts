import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { openSearchWithSlash } from "./support/search";

// Finding one's way: the account menu by keyboard, the course page's main button, the phone's
// header menu and contents control, and search that forgives spelling (issue 18, items 8–11).

const PART7 = "/courses/docker/multi-stage-builds";

test("Escape closes the account menu and returns focus to its button", async ({ page }) => {
  const learner = await createAccount("learner", "Keyboard Kim");
  await signIn(page, learner.email);
  await waitForHydration(page);
  const button = page.getByRole("button", { name: /Keyboard Kim/ });
  await button.click();
  const account = page.getByRole("link", { name: "Account", exact: true });
  await expect(account).toBeVisible();
  await account.focus();
  await page.keyboard.press("Escape");
  await expect(account).toBeHidden();
  await expect(button).toBeFocused();
});

test("the course page's main button follows the learner's progress", { tag: "@db" }, async ({ page }) => {
  await page.goto("/courses/docker");
  await waitForHydration(page);
  const main = page.getByTestId("course-cta");
  await expect(main).toHaveText("Start with Part 1");
  await expect(main).toHaveAttribute("href", "/courses/docker/what-is-docker");

  // Started: Part 2 done, now reading Part 3 (visits are recorded once the learner is known).
  const done = await page.request.post("/api/learner/completions", {
    data: { course: "docker", lesson: "first-container", complete: true },
  });
  expect(done.ok(), await done.text()).toBe(true);
  await page.goto("/courses/docker/images-and-layers");
  await waitForHydration(page);
  await expect
    .poll(async () => (await page.request.get("/api/learner/progress?course=docker")).json())
    .toMatchObject({ last: { lesson: "images-and-layers" } });
  await page.goto("/courses/docker");
  await expect(main).toHaveText("Continue: Part 3");
  await expect(main).toHaveAttribute("href", /\/courses\/docker\/images-and-layers/);
  await expect(page.getByRole("link", { name: "Start with Part 1" })).toHaveCount(0);

  // Complete: every part marked complete.
  for (const slug of [
    "what-is-docker",
    "first-container",
    "images-and-layers",
    "writing-dockerfiles",
    "volumes",
    "networking",
    "multi-stage-builds",
    "compose",
    "registries-and-security",
    "production",
  ]) {
    const res = await page.request.post("/api/learner/completions", {
      data: { course: "docker", lesson: slug, complete: true },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
  await page.goto("/courses/docker");
  await expect(main).toHaveText("Review the course");
  await expect(page.getByRole("link", { name: /^Continue/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Start with Part 1" })).toHaveCount(0);
});

test("on a phone the header menu reaches Courses and Progress, and the contents stay at hand while reading", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/courses/docker");
  await waitForHydration(page);
  await expect(page.getByText("5 h 55 min", { exact: true })).toBeVisible();
  // innerText on purpose: it is the text as shown, after CSS text-transform.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered case is what is tested
  const facts = await page.getByText(/parts · 5 h 55 min/).evaluate((el) => (el as HTMLElement).innerText);
  expect(facts).toContain("5 h 55 min");

  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  await page.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page).toHaveURL(/\/progress$/);
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("link", { name: "Courses", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto(PART7);
  await waitForHydration(page);
  await page.mouse.wheel(0, 9000);
  const contents = page.getByRole("button", { name: "On this page" });
  await expect(contents).toBeInViewport();
  await contents.click();
  const list = page.getByRole("navigation", { name: "On this page" });
  await list.getByRole("link", { name: "Choosing a base image" }).click();
  await expect(page).toHaveURL(/#choosing-a-base-image$/);
  await expect(page.getByRole("heading", { level: 2, name: "Choosing a base image" })).toBeInViewport();
  await expect(list.getByRole("link", { name: "Build targets" })).toBeHidden();
});

test("search forgives variants and prefixes and highlights the words on the page it opens", async ({
  page,
}) => {
  await page.goto("/");
  await waitForHydration(page);
  let dialog = await openSearchWithSlash(page);
  await dialog.getByRole("combobox").fill("multistage");
  await expect(dialog.getByRole("option").first()).toContainText("Part 7");
  await dialog.getByRole("combobox").fill("dockerfil");
  await expect(dialog.getByRole("option").first()).toContainText(/Dockerfile/i);
  await page.keyboard.press("Escape");

  dialog = await openSearchWithSlash(page);
  await dialog.getByRole("combobox").fill("multistage");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/courses\/docker\/multi-stage-builds/);
  // The matched words are highlighted on the page (CSS Custom Highlight API: no DOM rewriting).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const h = CSS.highlights.get("search-match");
        return h ? [...h].map((r) => r.toString().toLowerCase()) : [];
      }),
    )
    .toContain("multi-stage");
  await expect(page.getByRole("status").filter({ hasText: /highlighted/ })).toContainText("multistage");
});
