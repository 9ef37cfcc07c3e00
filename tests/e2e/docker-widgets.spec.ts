// Both Docker widgets of Part 7 together: layout on a phone and accessibility. Each widget has
// its own spec (size-calculator.spec.ts, stage-explorer.spec.ts).
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, useTheme } from "./support/axe";
import { calculator, explorer, openLesson, THREE_STAGES } from "./support/docker-widgets";

test("both widgets fit a 360 px phone without scrolling the page sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await openLesson(page);
  await explorer(page).getByLabel("Dockerfile", { exact: true }).fill(THREE_STAGES);
  await expect(explorer(page).getByRole("img", { name: /Stage graph/ })).toBeVisible();
  for (const widget of [calculator(page), explorer(page)]) {
    const box = await widget.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(360);
    expect(await widget.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  const graph = await explorer(page)
    .getByRole("img", { name: /Stage graph/ })
    .boundingBox();
  expect(graph && graph.x + graph.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("both widgets in their interactive states have no axe violations in light and dark themes", async ({
  page,
}) => {
  await openLesson(page);
  const calc = calculator(page);
  await calc.getByRole("radio", { name: "Go" }).check();
  await calc.getByText("The sizes as a table").click();
  await calc
    .getByRole("row", { name: /distroless/ })
    .getByText("estimate")
    .click();
  await calc.getByText("How is this computed?").first().click();
  await calc.getByLabel("Nodes scaling out (nodes)").fill("-1");
  await expect(calc.getByLabel("Nodes scaling out (nodes)")).toHaveAttribute("aria-invalid", "true");

  const ex = explorer(page);
  await ex
    .getByLabel("Dockerfile", { exact: true })
    .fill(`${THREE_STAGES}COPY --from=nginx:1.27-alpine /etc/nginx/nginx.conf /x\n`);
  await expect(ex.getByRole("status")).toContainText("3 stages, ships runner");
  await ex.getByLabel(/Build target/).selectOption("build");
  await expect(ex.getByRole("status")).toContainText("ships build");

  // The widgets' states are scanned here; Part 7 as a whole, light and dark, by lesson.spec.
  await expectNoAxeViolations(page, "Part 7 with both widgets (light)", calc.or(ex));
  await useTheme(page, "dark");
  await expectNoAxeViolations(page, "Part 7 with both widgets (dark)", calc.or(ex));

  await calc.getByRole("tab", { name: "Your numbers" }).click();
  await calc.getByLabel("Your app (MB)").fill("x");
  await expectNoAxeViolations(page, "custom mode with an error (dark)", calc);
});
