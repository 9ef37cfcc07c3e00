import { expect, type Page, test } from "@playwright/test";
import { useTheme } from "./support/axe";
import { explorer, openLesson, THREE_STAGES } from "./support/docker-widgets";

// Screenshots of the stage explorer's dialog and layer cache view, for a person to look at:
// LECTERN_SHOTS_DIR=/path npx playwright test -c tests/playwright.config.ts docker-explorer-shots
// Skipped in the normal suite. Each also checks the page is never wider than the viewport.

const dir = process.env.LECTERN_SHOTS_DIR;
test.skip(!dir, "screenshots only when LECTERN_SHOTS_DIR is set");

const widths = [390, 1280] as const;
const themes = ["light", "dark"] as const;

async function notWider(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

for (const width of widths)
  for (const theme of themes) {
    test(`layer cache and dialog at ${width}px, ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openLesson(page);
      await useTheme(page, theme);
      const shot = (name: string, locator = page.locator("body")) =>
        locator.screenshot({ path: `${dir}/${name}-${width}-${theme}.png` });

      // Part 7's comparison: default (src/index.ts), then package.json.
      const view = page.locator("[data-layer-cache-view]");
      await view.scrollIntoViewIfNeeded();
      await expect(view.locator("[data-cache-summary]").first()).toBeVisible();
      await notWider(page);
      await shot("compare-src-changed", page.locator("[data-layer-cache]"));
      await view.getByLabel("Changed path, relative to the build context").fill("package.json");
      await expect(view.locator('[data-step-state="miss"]').first()).toBeVisible();
      await shot("compare-package-json", view);

      // The explorer's cache view with a .dockerignore and files, a build-arg.
      const ex = explorer(page);
      await ex.getByLabel("Dockerfile", { exact: true }).fill(THREE_STAGES);
      await expect(ex.getByRole("status")).toHaveText("3 stages, ships runner, 2 findings");
      const cache = ex.locator("[data-cache-view]");
      await cache.getByText("Build context: .dockerignore and files (optional)").click();
      await cache.getByLabel(".dockerignore").fill("node_modules\n*.log\n!keep.log");
      await cache
        .getByLabel("Files in the build context, one a line")
        .fill("package.json\nsrc/index.ts\nnode_modules/a.js\ndebug.log");
      await cache.getByLabel("Changed path, relative to the build context").fill("package.json");
      await expect(cache.locator("[data-context-list]")).toBeVisible();
      await notWider(page);
      await shot("explorer-cache", cache);
      await ex.getByLabel(/Build target/).selectOption("build");
      await expect(ex.getByRole("status")).toHaveText("3 stages, ships build, 2 findings, 2 skipped");
      await shot("explorer-target-build", ex);

      // Opened from a code block: the dialog over the lesson.
      const block = page.locator("figure[data-code-block]").filter({ hasText: "Dockerfile.tools" });
      await block
        .getByRole("button", { name: /Open in stage explorer|Explorer/ })
        .first()
        .click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("status")).toContainText("2 stages");
      await page.screenshot({ path: `${dir}/dialog-${width}-${theme}.png` });
      await dialog.getByRole("button", { name: "Back to the lesson" }).click();
      await expect(dialog).toHaveCount(0);
    });
  }

for (const width of widths) {
  test(`no JavaScript, an error and a huge paste at ${width}px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await noJs.newPage();
    await page.goto("/courses/docker/multi-stage-builds");
    const compare = page.locator("[data-layer-cache]");
    await compare.scrollIntoViewIfNeeded();
    await expect(compare).toContainText("This comparison needs JavaScript");
    await notWider(page);
    await compare.screenshot({ path: `${dir}/compare-nojs-${width}-light.png` });
    await noJs.close();

    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const live = await context.newPage();
    await openLesson(live);
    const ex = explorer(live);
    const textarea = ex.getByLabel("Dockerfile", { exact: true });
    await textarea.fill(
      "FROM alpine:3.20 AS app\nCOPY --from=later /a /a\nFROM alpine:3.20 AS later\nENV PATH\n",
    );
    await expect(ex.getByRole("status")).toContainText("2 errors");
    await ex.screenshot({ path: `${dir}/explorer-errors-${width}-light.png` });
    const chain = [
      "FROM alpine:3.20 AS s0",
      ...Array.from({ length: 2999 }, (_, i) => `FROM s${i} AS s${i + 1}`),
    ];
    await textarea.fill(chain.join("\n"));
    await expect(ex.getByRole("status")).toContainText("3000 stages");
    await notWider(live);
    await ex.locator("[data-cache-view]").screenshot({ path: `${dir}/explorer-huge-${width}-light.png` });
    await context.close();
  });
}
