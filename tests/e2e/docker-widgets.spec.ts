import { expect, type Locator, type Page, type Response, test } from "@playwright/test";
import { expectNoAxeViolations, useTheme } from "./support/axe";
import { waitForHydration } from "./support/hydration";

const LESSON = "/courses/docker/multi-stage-builds";
/** A message only the Dockerfile analyzer contains: if a script has it, the analyzer was loaded. */
const ANALYZER_MARKER = "No FROM instruction found";

const THREE_STAGES = `FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-alpine AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20-alpine AS runner
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
CMD ["node", "dist/server.js"]
`;

async function openLesson(page: Page) {
  await page.goto(LESSON);
  await waitForHydration(page);
}

function calculator(page: Page): Locator {
  return page.getByRole("region", { name: "Image size calculator" });
}

function explorer(page: Page): Locator {
  return page.getByRole("region", { name: "Stage explorer" });
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 25, key: "Tab" | "Shift+Tab" = "Tab") {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

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
    await pull.getByText("How is this computed?").click();
    await expect(pull).toContainText("1100 MB × 8 ÷ 10 Mbit/s = 880 s");

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

test.describe("stage explorer", () => {
  test("draws the stages of a pasted Dockerfile, marks what ships and greys what a target skips", async ({
    page,
  }) => {
    await openLesson(page);
    const ex = explorer(page);
    await ex.getByLabel("Dockerfile", { exact: true }).fill(THREE_STAGES);
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships runner, 2 findings");
    const graph = ex.getByRole("img", { name: /Stage graph/ });
    await expect(graph).toBeVisible();
    await expect(graph.locator('[data-node="stage:2"]')).toHaveAttribute("data-status", "ships");
    await expect(graph.locator('[data-node="stage:2"]')).toContainText("ships");
    await expect(graph.locator('[data-edge="copy"]')).toHaveCount(2);
    await expect(ex).toContainText("/app/dist → ./dist from stage build (line 14)");
    await expect(ex).toContainText("at least ~130 MB");

    await ex.getByLabel(/Build target/).selectOption("build");
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships build, 3 findings, 2 skipped");
    await expect(graph.locator('[data-node="stage:1"]')).toHaveAttribute("data-status", "ships");
    for (const skipped of ["stage:0", "stage:2"]) {
      await expect(graph.locator(`[data-node="${skipped}"]`)).toHaveAttribute("data-status", "skipped");
      await expect(graph.locator(`[data-node="${skipped}"]`)).toContainText("skipped");
    }

    // A finding's line button selects that line in the textarea.
    const finding = ex.locator('[data-finding="copy-all-before-install"]');
    await expect(finding).toContainText("Why:");
    await finding.getByRole("button", { name: "Line 8" }).click();
    const textarea = ex.getByLabel("Dockerfile", { exact: true });
    await expect(textarea).toBeFocused();
    expect(
      await textarea.evaluate((el: HTMLTextAreaElement) =>
        el.value.slice(el.selectionStart, el.selectionEnd),
      ),
    ).toBe("COPY . .");
  });

  test("explains empty, non-Dockerfile and oversized input instead of freezing", async ({ page }) => {
    await openLesson(page);
    const ex = explorer(page);
    const textarea = ex.getByLabel("Dockerfile", { exact: true });
    await textarea.fill("hello, this is not a Dockerfile");
    await expect(ex.getByRole("status")).toContainText("No FROM instruction found");
    await textarea.fill("");
    await expect(ex.getByRole("status")).toHaveText("Paste a Dockerfile to see its stages.");

    await textarea.fill(THREE_STAGES);
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships runner, 2 findings");
    // A 1 MB paste is refused with the analyzer's message; what was there stays.
    const started = Date.now();
    await textarea.evaluate(
      (el, text) => {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        el.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      `FROM alpine\n${"RUN echo big\n".repeat(80_000)}`,
    );
    await expect(ex.getByRole("status")).toContainText("over 256 KB");
    await expect(textarea).toHaveValue(THREE_STAGES);
    expect(Date.now() - started).toBeLessThan(5_000);

    // A large paste under the limit is inserted (quickly) and analysed.
    await ex.getByRole("button", { name: "Clear" }).click();
    await expect(textarea).toHaveValue("");
    const lines = Array.from(
      { length: 40 },
      (_, i) => `FROM alpine:3.20 AS s${i}\n${"RUN true\n".repeat(60)}`,
    ).join("");
    await textarea.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, lines);
    await expect(ex.getByRole("status")).toContainText("40 stages, ships s39");
    await expect(ex).toContainText("40 stages are too many to draw readably");
  });

  test('"Open in stage explorer" on a lesson Dockerfile loads it into the explorer', async ({ page }) => {
    await openLesson(page);
    const block = page.locator("figure[data-code-block]").filter({ hasText: "Dockerfile.tools" });
    await block.getByRole("button", { name: "Open in stage explorer: Dockerfile.tools" }).click();
    const ex = explorer(page);
    const textarea = ex.getByLabel("Dockerfile", { exact: true });
    await expect(textarea).toBeFocused();
    await expect(textarea).toHaveValue(/COPY --from=docker:27-cli/);
    await expect(ex.getByLabel("Example from this lesson")).toHaveValue(/^example-/);
    await expect(ex.getByRole("status")).toContainText("2 stages, ships stage 1");
    await expect(ex.locator('[data-node="image:docker:27-cli"]')).toBeVisible();
    await expect(ex).toContainText("copies from image docker:27-cli (line 11)");
  });

  test("lesson Dockerfiles are offered as examples", async ({ page }) => {
    await openLesson(page);
    const ex = explorer(page);
    const select = ex.getByLabel("Example from this lesson");
    await expect(select.getByRole("option", { name: /Dockerfile\.multi — Step 3/ })).toHaveCount(1);
    await select.selectOption({ label: "Dockerfile — Go" });
    await expect(ex.getByRole("status")).toContainText("2 stages, ships stage 1");
    await expect(ex).toContainText("at least 0 MB");
  });

  test('has no "Open in stage explorer" buttons on a lesson without an explorer', async ({ page }) => {
    await page.goto("/courses/docker/writing-dockerfiles");
    await waitForHydration(page);
    const blocks = page.locator('figure[data-code-block][data-lang="dockerfile"]');
    await expect(blocks.first()).toBeVisible();
    await expect(blocks.first().getByRole("button", { name: /^Copy/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Open in stage explorer/ })).toHaveCount(0);
  });

  test("works from the keyboard: open a lesson Dockerfile, change the target, jump to a finding's line", async ({
    page,
  }) => {
    await openLesson(page);
    const ex = explorer(page);
    const block = page.locator("figure[data-code-block]").filter({ hasText: "Dockerfile.single" });
    const open = block.getByRole("button", { name: /Open in stage explorer/ });
    await page.locator('a.heading-anchor[href="#step-3-write-both-dockerfiles"]').focus();
    await tabTo(page, open, 6);
    await page.keyboard.press("Enter");
    const textarea = ex.getByLabel("Dockerfile", { exact: true });
    await expect(textarea).toBeFocused();
    await expect(ex.getByRole("status")).toContainText("1 stage, ships stage 0");

    // Back to the target select (Shift+Tab) and pick a stage with the arrow keys.
    await textarea.fill(THREE_STAGES);
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships runner, 2 findings");
    const target = ex.getByLabel(/Build target/);
    await tabTo(page, target, 3, "Shift+Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(target).toHaveValue("build");
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships build, 3 findings, 2 skipped");

    const lineButton = ex.locator('[data-finding="no-user"]').getByRole("button", { name: "Line 6" });
    await tabTo(page, lineButton, 40);
    await page.keyboard.press("Enter");
    await expect(textarea).toBeFocused();
    expect(
      await textarea.evaluate((el: HTMLTextAreaElement) =>
        el.value.slice(el.selectionStart, el.selectionEnd),
      ),
    ).toBe("FROM node:20-alpine AS build");
  });
});

test("the analyzer is not in the page's initial JavaScript and loads on first use", async ({ page }) => {
  const scripts: Promise<{ url: string; body: string }>[] = [];
  const collect = (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(
      response.text().then(
        (body) => ({ url: response.url(), body }),
        () => ({ url: response.url(), body: "" }),
      ),
    );
  };
  page.on("response", collect);
  await page.goto(LESSON);
  await page.waitForLoadState("networkidle");
  await waitForHydration(page);
  const initial = await Promise.all(scripts);
  expect(initial.length).toBeGreaterThan(0);
  expect(initial.filter((s) => s.body.includes(ANALYZER_MARKER)).map((s) => s.url)).toEqual([]);

  const loaded = page.waitForResponse(async (response) => {
    if (response.request().resourceType() !== "script") return false;
    return (await response.text().catch(() => "")).includes(ANALYZER_MARKER);
  });
  await explorer(page).getByLabel("Dockerfile", { exact: true }).focus();
  await loaded;
  await expect(explorer(page).getByRole("status")).toHaveText("Paste a Dockerfile to see its stages.");
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

  await expectNoAxeViolations(page, "Part 7 with both widgets (light)");
  await useTheme(page, "dark");
  await expectNoAxeViolations(page, "Part 7 with both widgets (dark)");

  await calc.getByRole("tab", { name: "Your numbers" }).click();
  await calc.getByLabel("Your app (MB)").fill("x");
  await expectNoAxeViolations(page, "custom mode with an error (dark)");
});
