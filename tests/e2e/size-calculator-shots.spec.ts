import { expect, type Locator, type Page, test } from "@playwright/test";
import { useTheme } from "./support/axe";
import { calculator, LESSON, openLesson } from "./support/docker-widgets";

// Screenshots of the size calculator for a person to look at, with its height printed:
// LECTERN_SHOTS_DIR=/path npx playwright test -c tests/playwright.config.ts size-calculator-shots
// Skipped in the normal suite. Each also checks the page is never wider than the viewport.

const dir = process.env.LECTERN_SHOTS_DIR;
test.skip(!dir, "screenshots only when LECTERN_SHOTS_DIR is set");

async function notWider(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

/** The site header is sticky: let it scroll away so it does not cover the element shots. */
async function unstickHeader(page: Page) {
  await page
    .locator("header")
    .first()
    .evaluate((el) => {
      (el as HTMLElement).style.position = "static";
    });
}

/** Checks the page width, prints the calculator's height and saves its screenshot. */
async function shotOf(page: Page, calc: Locator, name: string) {
  await calc.scrollIntoViewIfNeeded();
  await notWider(page);
  console.log(`height ${name}: ${Math.round((await calc.boundingBox())?.height ?? 0)} px`);
  await calc.screenshot({ path: `${dir}/calculator-${name}.png` });
}

for (const width of [390, 1280] as const)
  for (const theme of ["light", "dark"] as const) {
    test(`calculator at ${width}px, ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openLesson(page);
      await useTheme(page, theme);
      await unstickHeader(page);
      const calc = calculator(page);
      const shot = (name: string) => shotOf(page, calc, `${name}-${width}-${theme}`);
      await shot("shrinking");
      const before = calc.getByLabel(/^(Before|From \(before\))$/);
      const after = calc.getByLabel(/^(After|To \(after\))$/);
      await before.selectOption({ label: "Multi-stage, node:20-alpine (~80 MB)" });
      await after.selectOption({ label: "Single-stage, node:20 (~1.1 GB)" });
      await shot("growing");
      await calc.getByText("The sizes as a table").click();
      await shot("table-open");
      await calc.getByRole("tab", { name: "Your numbers" }).click();
      const panel = calc.getByRole("tabpanel", { name: "Your numbers" });
      await panel.getByLabel("Runtime base image (MB)").fill("1500");
      await panel.getByLabel("Your app (MB)").fill("abc");
      await shot("custom-error");
      await panel.getByLabel("Your app (MB)").fill("5");
      await shot("custom-growing");
    });

    test(`calculator without JavaScript at ${width}px, ${theme}`, async ({ browser }) => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
        colorScheme: theme,
      });
      const page = await context.newPage();
      await page.goto(LESSON);
      await unstickHeader(page);
      const calc = calculator(page);
      await shotOf(page, calc, `no-js-${width}-${theme}`);
      await context.close();
    });
  }
