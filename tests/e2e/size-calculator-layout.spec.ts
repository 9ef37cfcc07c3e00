import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { calculator, LESSON, openLesson } from "./support/docker-widgets";

// How the size calculator reads: compact, the chart across the card with each bar named on it,
// the per-stack table folded away, inputs that line up, and a growth said as growth.

async function notWider(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

async function height(locator: Locator): Promise<number> {
  return Math.round((await locator.boundingBox())?.height ?? Number.POSITIVE_INFINITY);
}

/** The largest gap between the tops of the inputs in one visual row. */
async function rowMisalignment(inputs: Locator): Promise<number> {
  const tops = await inputs.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  return Math.max(...tops) - Math.min(...tops);
}

// Heights measured on main fa19a02 with JavaScript: 1280 px ≈ 1,680 px, 390 px ≈ 2,400 px.
const LIMITS = { 1280: 1100, 390: 1700 } as const;

for (const width of [1280, 390] as const) {
  test(`at ${width}px the calculator is compact: chart across the card, bars named on the bars`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openLesson(page);
    const calc = calculator(page);
    const chart = calc.getByRole("img", { name: /image sizes for Node\.js/ });
    await expect(chart).toBeVisible();
    const card = await calc.evaluate((el) => el.getBoundingClientRect().width - 2 * 16 - 2);
    const chartBox = await chart.boundingBox();
    expect(chartBox?.width ?? 0).toBeGreaterThanOrEqual(card * 0.95);

    // Each bar carries its own name and size; the compared pair is said in words, not "· from".
    const bars = chart.locator("[data-bar]");
    await expect(bars).toHaveCount(4);
    for (const [label, size] of [
      ["node:20", "~1.1 GB"],
      ["node:20-alpine", "~80 MB"],
    ] as const) {
      const bar = bars.filter({ hasText: label }).first();
      await expect(bar).toContainText(size);
    }
    await expect(chart).not.toContainText("· from");
    await expect(chart).not.toContainText("· to");
    await expect(bars.filter({ hasText: "before" })).toHaveCount(1);
    await expect(bars.filter({ hasText: "after" })).toHaveCount(1);
    // The widest bar runs across most of the chart.
    const widest = await chart
      .locator("[data-bar-fill]")
      .evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().width)));
    expect(widest).toBeGreaterThanOrEqual((chartBox?.width ?? 0) * 0.7);

    // The same numbers as a table are one click away, not repeated under the chart.
    const table = calc.getByRole("table", { name: /Image sizes for Node\.js/ });
    await expect(table).toBeHidden();
    await calc.getByText("The sizes as a table").click();
    await expect(table).toBeVisible();
    await calc.getByText("The sizes as a table").click();

    expect(await height(calc)).toBeLessThanOrEqual(LIMITS[width]);
    await notWider(page);
  });
}

test("inputs in a row line up even when a label wraps", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLesson(page);
  const calc = calculator(page);
  const impact = calc.getByRole("group", { name: "What it means" });
  await expect(impact.getByRole("textbox")).toHaveCount(3);
  expect(await rowMisalignment(impact.getByRole("textbox"))).toBeLessThanOrEqual(1);

  await calc.getByRole("tab", { name: "Your numbers" }).click();
  const panel = calc.getByRole("tabpanel", { name: "Your numbers" });
  const fields = panel.getByRole("textbox");
  // Two a row: pairs line up.
  for (let i = 0; i + 1 < (await fields.count()); i += 2) {
    const pair = [fields.nth(i), fields.nth(i + 1)];
    const tops = await Promise.all(pair.map((f) => f.evaluate((el) => el.getBoundingClientRect().top)));
    expect(Math.abs((tops[0] ?? 0) - (tops[1] ?? 0))).toBeLessThanOrEqual(1);
  }
});

test("a larger after image reads 'larger by', never as a negative saving", async ({ page }) => {
  await openLesson(page);
  const calc = calculator(page);
  await calc
    .getByLabel("Before", { exact: true })
    .selectOption({ label: "Multi-stage, node:20-alpine (~80 MB)" });
  await calc.getByLabel("After", { exact: true }).selectOption({ label: "Single-stage, node:20 (~1.1 GB)" });
  const compare = calc.getByRole("group", { name: "Compare two approaches" });
  await expect(compare).toContainText(/larger by/i);
  await expect(compare).toContainText("1275%"); // (1100 − 80) ÷ 80 × 100
  await expect(compare).not.toContainText(/[−-]\d/);
  await expect(calc.getByRole("status").first()).toContainText(/larger by/i);

  await calc.getByRole("tab", { name: "Your numbers" }).click();
  const panel = calc.getByRole("tabpanel", { name: "Your numbers" });
  await panel.getByLabel("Build base image (MB)").fill("100");
  await panel.getByLabel("Runtime base image (MB)").fill("900");
  await expect(panel).toContainText(/Larger by\s*635 MB/);
  await expect(panel).not.toContainText("Saved");
  await expect(panel).not.toContainText(/[−-]\d/);
  await expect(panel.getByRole("status")).toContainText(/larger by/i);
  await expectNoAxeViolations(page, "the calculator with a growing image");
});

test("without JavaScript the folded calculator still shows every figure and fits a phone", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(LESSON);
  const calc = calculator(page);
  await expect(calc.getByRole("table", { name: "Single-stage versus multi-stage" })).toBeVisible();
  await notWider(page);
  await context.close();
});
