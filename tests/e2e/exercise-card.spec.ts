import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, useTheme } from "./support/axe";
import { LESSON } from "./support/docker-widgets";
import { expectNoSidewaysScroll, WIDTHS } from "./support/layout";

// The server-rendered part of an exercise in Part 7: title, task, starter (highlighted like the
// lesson's code blocks), build context and .dockerignore; and none of its checks, hints or
// solution in the page. Screenshots at 390 and 1280 px, light and dark, with and without
// JavaScript when LECTERN_SHOTS_DIR is set.

const dir = process.env.LECTERN_SHOTS_DIR;
const TITLE = "Shrink size-demo to a multi-stage Alpine image";

/** The sticky header and the phone's "On this page" bar would cover the element shots. */
async function unstick(page: Page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>("body *"))
      if (["sticky", "fixed"].includes(getComputedStyle(el).position)) el.style.position = "static";
  });
}

function card(page: Page) {
  return page.getByRole("region", { name: TITLE });
}

test("Part 7's exercises show their task, starter and build context, and nothing of their checks", async ({
  page,
}) => {
  const response = await page.goto(LESSON);
  const html = (await response?.text()) ?? "";
  const exercise = card(page);
  await expect(exercise).toBeVisible();
  await expect(exercise.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(exercise).toContainText("a first stage installs the production dependencies only");
  // The task's link and inline code are lesson Markdown.
  await expect(exercise.getByRole("link", { name: "Choosing a base image" })).toHaveAttribute(
    "href",
    "#choosing-a-base-image",
  );
  // The starter is what the learner's editor holds (it is not repeated as a read-only block).
  await expect(exercise.getByRole("textbox", { name: "Your Dockerfile" })).toHaveValue(/^FROM node:20\n/);
  await expect(exercise.locator("figure[data-code-block][data-lang='dockerfile']")).toHaveCount(0);
  await expect(exercise.getByRole("list", { name: "Build context" }).getByRole("listitem")).toHaveText([
    "server.js",
    "package.json",
    "package-lock.json",
    "node_modules/",
  ]);
  await expect(exercise.locator("figure").filter({ hasText: ".dockerignore" })).toContainText(
    "npm-debug.log",
  );
  await expect(page.locator("[data-exercise]")).toHaveCount(4);
  // Checks, hints and solutions stay on the server.
  for (const secret of [
    "dev-dependencies-shipped",
    "The estimated final image is at most 150 MB",
    "Run npm ci --omit=dev in the stage whose node_modules you copy",
    "COPY --from=build /out/linkcheck /linkcheck",
    "-o /out/linkcheck ./cmd/linkcheck",
    "The estimated final image is at most",
    "Use the ID conventionally called nobody",
  ])
    expect(html.includes(secret), `the page holds "${secret}"`).toBe(false);
  // The exercises; the rest of Part 7 is course.spec's scan of the same page.
  await expectNoAxeViolations(page, "Part 7 with exercises", page.locator("[data-exercise]"));
});

for (const width of WIDTHS)
  for (const theme of ["light", "dark"] as const)
    test(`the exercise card at ${width} px, ${theme}, is no wider than the page`, async ({
      page,
      browser,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(LESSON);
      await useTheme(page, theme);
      await card(page).scrollIntoViewIfNeeded();
      await expectNoSidewaysScroll(page, `Part 7 at ${width} px, ${theme}`);
      if (dir) {
        await unstick(page);
        await card(page).screenshot({ path: `${dir}/exercise-card-${width}-${theme}.png` });
        await page
          .getByRole("region", { name: "Install from a private registry without leaking the token" })
          .screenshot({ path: `${dir}/exercise-mounts-${width}-${theme}.png` });
      }
      if (theme === "dark") return;
      const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const plain = await noJs.newPage();
      await plain.goto(LESSON);
      await expect(card(plain).getByRole("textbox", { name: "Your Dockerfile" })).toHaveValue(
        /^FROM node:20\n/,
      );
      await expectNoSidewaysScroll(plain, `Part 7 without JavaScript at ${width} px`);
      if (dir) {
        await unstick(plain);
        await card(plain).screenshot({ path: `${dir}/exercise-card-${width}-nojs.png` });
      }
      await noJs.close();
    });
