import { expect, test } from "@playwright/test";
import { calculator, LESSON, openLesson, tabTo } from "./support/docker-widgets";

test.describe("size calculator", () => {
  test("switching the stack to Go redraws the chart and the reduction with the lesson's Go figures", async ({
    page,
  }) => {
    await openLesson(page);
    const calc = calculator(page);
    await expect(calc.getByRole("img", { name: /image sizes for Node\.js/ })).toBeVisible();
    await expect(calc.getByTestId("reduction")).toHaveText("~93%");

    await calc.getByRole("radio", { name: "Go" }).check();
    const chart = calc.getByRole("img", { name: /image sizes for Go/ });
    await expect(chart).toHaveAttribute("aria-label", /~850 MB/);
    await expect(chart).toHaveAttribute("aria-label", /~12 MB/);
    await expect(calc.getByTestId("reduction")).toHaveText("~98.6%");
    // The chart's numbers as a table, folded under it.
    await calc.getByText("The sizes as a table").click();
    const table = calc.getByRole("table", { name: /Image sizes for Go/ });
    await expect(table).toContainText("~850 MB");
    await expect(table).toContainText("~12 MB");
    // The distroless figure is not from the fact sheet: it says so, and why.
    const estimate = table.getByRole("row", { name: /distroless/ });
    await expect(estimate).toContainText("estimate");
    await estimate.getByText("estimate").click();
    await expect(estimate).toContainText("not in the fact sheet");
    await expect(calc.getByRole("status").first()).toContainText("~98.6% smaller");
  });

  test("changing the bandwidth changes the pull time, with the formula behind it", async ({ page }) => {
    await openLesson(page);
    const calc = calculator(page);
    const pull = calc.getByRole("row", { name: /Pull time at/ });
    await expect(pull).toContainText("88 s"); // 1100 MB at 100 Mbit/s
    await calc.getByLabel("Bandwidth (Mbit/s)").fill("10");
    await expect(pull).toContainText("Pull time at 10 Mbit/s");
    await expect(pull).toContainText("14 min 40 s");
    const impact = calc.getByRole("group", { name: "What it means" });
    await impact.getByText("How is this computed?").click();
    await expect(impact).toContainText("Pull time, before: 1100 MB × 8 ÷ 10 Mbit/s = 880 s");

    await calc.getByLabel("Bandwidth (Mbit/s)").fill("0");
    const bandwidth = calc.getByLabel("Bandwidth (Mbit/s)");
    await expect(bandwidth).toHaveAttribute("aria-invalid", "true");
    await expect(bandwidth).toHaveAccessibleDescription("Bandwidth must be more than 0 Mbit/s.");
    await expect(calc).not.toContainText("NaN");
  });

  test("custom mode compares single- and multi-stage sizes and rejects bad input beside the field", async ({
    page,
  }) => {
    await openLesson(page);
    const calc = calculator(page);
    await calc.getByRole("tab", { name: "Your numbers" }).click();
    const panel = calc.getByRole("tabpanel", { name: "Your numbers" });
    const values: [string, string][] = [
      ["Build base image (MB)", "800"],
      ["Runtime base image (MB)", "0"],
      ["Build tools (MB)", "100"],
      ["All dependencies (MB)", "80"],
      ["Production dependencies (MB)", "20"],
      ["Your app (MB)", "20"],
      ["Build artifacts (MB)", "0"],
    ];
    for (const [label, value] of values) await panel.getByLabel(label).fill(value);
    await expect(panel).toContainText("Single-stage image1 GB");
    await expect(panel).toContainText("Multi-stage image40 MB");
    await expect(panel).toContainText("Reduction96%");
    await expect(panel.getByRole("img", { name: /single-stage 1 GB, multi-stage 40 MB/ })).toBeVisible();
    await panel.getByText("How is this computed?").first().click();
    await expect(panel).toContainText("800 MB + 100 MB + 80 MB + 20 MB = 1000 MB");

    const production = panel.getByLabel("Production dependencies (MB)");
    await production.fill("500");
    await expect(production).toHaveAttribute("aria-invalid", "true");
    await expect(production).toHaveAccessibleDescription(/can't be larger/);
    await expect(panel.getByRole("status")).toContainText("Not computed");

    await production.fill("20");
    const app = panel.getByLabel("Your app (MB)");
    await app.fill("abc");
    await expect(app).toHaveAttribute("aria-invalid", "true");
    await expect(app).toHaveAccessibleDescription(/Enter a size in MB as a number/);
    await expect(production).not.toHaveAttribute("aria-invalid");
    await expect(panel).not.toContainText("NaN");
  });

  test("works from the keyboard: tabs, stack radios and inputs", async ({ page }) => {
    await openLesson(page);
    const calc = calculator(page);
    await page.locator('a.heading-anchor[href="#how-much-can-you-save"]').focus();
    await tabTo(page, calc.getByRole("tab", { name: "Published sizes" }), 3);
    await page.keyboard.press("Tab");
    await expect(calc.getByRole("radio", { name: "Node.js" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(calc.getByRole("radio", { name: "Go" })).toBeChecked();
    await expect(calc.getByTestId("reduction")).toHaveText("~98.6%");

    await tabTo(page, calc.getByLabel("Bandwidth (Mbit/s)"));
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("1000");
    await expect(calc.getByRole("row", { name: /Pull time at 1000 Mbit\/s/ })).toContainText("6.8 s");

    const published = calc.getByRole("tab", { name: "Published sizes" });
    await published.focus();
    await page.keyboard.press("ArrowRight");
    await expect(calc.getByRole("tab", { name: "Your numbers" })).toBeFocused();
    await expect(calc.getByRole("tabpanel", { name: "Your numbers" })).toBeVisible();
  });
});

test("without JavaScript the calculator shows the lesson's figures as tables", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LESSON);
  const calc = calculator(page);
  const node = calc.getByRole("table", { name: "Node.js: the same app, three Dockerfiles" });
  await expect(node).toBeVisible();
  for (const [image, size] of [
    ["node:20", "~1.1 GB"],
    ["node:20-slim", "~250 MB"],
    ["node:20-alpine", "~80 MB"],
  ] as const) {
    await expect(node.getByRole("row").filter({ has: page.getByText(image, { exact: true }) })).toContainText(
      size,
    );
  }
  const pairs = calc.getByRole("table", { name: "Single-stage versus multi-stage" });
  const expected: [RegExp, string[]][] = [
    [/^Node\.js/, ["~1.1 GB", "~80 MB", "~93%"]],
    [/^Spring Boot/, ["~580 MB", "~180 MB", "~69%"]],
    [/^Go/, ["~850 MB", "~12 MB", "~98.6%"]],
    [/^Hands-on demo/, ["~1.1 GB", "~135 MB", "~88%"]],
  ];
  for (const [name, cells] of expected) {
    const row = pairs.getByRole("row", { name });
    for (const cell of cells) await expect(row).toContainText(cell);
  }
  const bases = calc.getByRole("table", { name: "Node 20 base images" });
  for (const size of ["~1.1 GB", "~200 MB", "~130 MB", "~120 MB"]) await expect(bases).toContainText(size);
  await expect(calc.getByRole("radio")).toHaveCount(0);
  await context.close();
});
