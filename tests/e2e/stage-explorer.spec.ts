import { expect, type Response, test } from "@playwright/test";
import { ANALYZER_MARKER, explorer, LESSON, openLesson, THREE_STAGES, tabTo } from "./support/docker-widgets";
import { waitForHydration } from "./support/hydration";

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
    // Findings are about the file, so choosing a target does not change them.
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships build, 2 findings, 2 skipped");
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
    const ex = page.getByRole("dialog", { name: "Stage explorer: Dockerfile.tools" });
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
    const block = page.locator("figure[data-code-block]").filter({ hasText: "Dockerfile.single" });
    const open = block.getByRole("button", { name: /Open in stage explorer/ });
    // From the last control of the section's exercise (its editor keeps Tab for indenting) on.
    await page
      .getByRole("region", { name: "Shrink size-demo to a multi-stage Alpine image" })
      .getByRole("button", { name: "Check my Dockerfile" })
      .focus();
    await tabTo(page, open, 8);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /Stage explorer: Dockerfile\.single/ });
    await expect(dialog.getByLabel("Dockerfile", { exact: true })).toBeFocused();
    await expect(dialog.getByRole("status")).toContainText("1 stage, ships stage 0");
    // Escape closes the dialog and gives focus back to the button it came from.
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();

    const ex = explorer(page);
    const textarea = ex.getByLabel("Dockerfile", { exact: true });
    await textarea.focus();

    // Back to the target select (Shift+Tab) and pick a stage with the arrow keys.
    await textarea.fill(THREE_STAGES);
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships runner, 2 findings");
    const target = ex.getByLabel(/Build target/);
    await tabTo(page, target, 3, "Shift+Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(target).toHaveValue("build");
    await expect(ex.getByRole("status")).toHaveText("3 stages, ships build, 2 findings, 2 skipped");

    const lineButton = ex.locator('[data-finding="no-user"]').getByRole("button", { name: "Line 11" });
    await tabTo(page, lineButton, 80);
    await page.keyboard.press("Enter");
    await expect(textarea).toBeFocused();
    expect(
      await textarea.evaluate((el: HTMLTextAreaElement) =>
        el.value.slice(el.selectionStart, el.selectionEnd),
      ),
    ).toBe("FROM node:20-alpine AS runner");
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
