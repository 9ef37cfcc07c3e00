import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { explorer, openLesson, THREE_STAGES } from "./support/docker-widgets";
import { stillTop } from "./support/layout";

// Issue 21, "Stage explorer": opening from a code block keeps the reader where they were; the
// wording for unnamed stages; findings true for the file whatever the target. Issue 19: no paste
// freezes the page (the analysis runs in a worker).

async function paste(page: Page, text: string) {
  await explorer(page)
    .getByLabel("Dockerfile", { exact: true })
    .evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData("text/plain", value);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
}

test('"Open in stage explorer" opens over the code block, and going back restores the reading position', async ({
  page,
}) => {
  await openLesson(page);
  const block = page.locator("figure[data-code-block]").filter({ hasText: "Dockerfile.tools" });
  const open = block.getByRole("button", { name: "Open in stage explorer: Dockerfile.tools" });
  await open.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy({ top: -120, behavior: "instant" }));
  // Blocks that come near the window are laid out a frame later, replacing their estimated heights
  // (decision 036), and islands above mount when the browser is idle; the browser keeps what the
  // reader sees in place by changing the scroll offset. Measure once the window holds still.
  const top = async () => (await open.boundingBox())!.y;
  const openerTop = await stillTop(open);
  await open.click();

  const dialog = page.getByRole("dialog", { name: "Stage explorer: Dockerfile.tools" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Dockerfile", { exact: true })).toHaveValue(/COPY --from=docker:27-cli/);
  await expect(dialog.getByRole("status")).toContainText("2 stages, ships stage 1");
  // The page under the dialog did not move: the button is where it was in the window. (The scroll
  // offset alone may change while blocks above are laid out, with nothing moving on screen.)
  expect(Math.abs((await top()) - openerTop)).toBeLessThanOrEqual(2);
  await expectNoAxeViolations(page, "stage explorer dialog");

  // Blocks above may change height meanwhile: off-screen lesson blocks are laid out when needed
  // (a reader's find-in-page, the axe scan above), replacing their estimated heights. The reading
  // position is where the button was in the window, not the page's scroll offset.
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>(".lesson-prose > *"))
      block.style.contentVisibility = "visible";
  });
  await dialog.getByRole("button", { name: "Back to the lesson" }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => Math.abs((await top()) - openerTop)).toBeLessThanOrEqual(2);
  await expect(open).toBeFocused();
  await expect(block).toBeInViewport();
  // The explorer in the page shows the same Dockerfile afterwards.
  await expect(explorer(page).getByLabel("Dockerfile", { exact: true })).toHaveValue(
    /COPY --from=docker:27-cli/,
  );
});

test('an unnamed final stage reads "The image is stage 1 (unnamed…)", never "stage stage 1"', async ({
  page,
}) => {
  await openLesson(page);
  const ex = explorer(page);
  await ex.getByLabel("Example from this lesson").selectOption({ label: "Dockerfile — Go" });
  await expect(ex.getByRole("status")).toContainText("2 stages, ships stage 1");
  await expect(ex).toContainText("The image is stage 1 (unnamed, FROM scratch)");
  await expect(ex).not.toContainText("stage stage");
});

test("with --target build, findings stay true for the file: deps is not unused and build's root is no warning", async ({
  page,
}) => {
  await openLesson(page);
  const ex = explorer(page);
  await ex.getByLabel("Dockerfile", { exact: true }).fill(THREE_STAGES);
  await expect(ex.getByRole("status")).toHaveText("3 stages, ships runner, 2 findings");
  await ex.getByLabel(/Build target/).selectOption("build");
  await expect(ex.getByRole("status")).toHaveText("3 stages, ships build, 2 findings, 2 skipped");
  await expect(ex.locator('[data-finding="unused-stage"]')).toHaveCount(0);
  await expect(ex).not.toContainText('Stage "deps" is not used');
  await expect(ex.locator('[data-finding="no-user"]')).toContainText("stage runner");
  await expect(ex.locator('[data-finding="no-user"]')).not.toContainText("stage build");
});

test("pasting a pathological 256 KB Dockerfile never freezes the page", async ({ page }) => {
  await openLesson(page);
  const ex = explorer(page);
  await ex.getByLabel("Dockerfile", { exact: true }).fill(THREE_STAGES);
  await expect(ex.getByRole("status")).toHaveText("3 stages, ships runner, 2 findings");
  await ex.getByRole("button", { name: "Clear" }).click();
  await expect(ex.getByLabel("Dockerfile", { exact: true })).toHaveValue("");

  // 8,000 stages, each built FROM the one before: once 26 s of blocked main thread.
  const chain = [
    "FROM alpine:3.20 AS s0",
    ...Array.from({ length: 7999 }, (_, i) => `FROM s${i} AS s${i + 1}`),
  ];
  const text = `${chain.join("\n")}\n`;
  expect(text.length).toBeLessThanOrEqual(256 * 1024);
  // Measure the longest gap between animation frames while the paste is analysed.
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; watching: boolean };
    w.maxGap = 0;
    w.watching = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.maxGap = Math.max(w.maxGap, now - last);
      last = now;
      if (w.watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await paste(page, text);
  await expect(ex.getByRole("status")).toHaveText(/^8000 stages, ships s7999/, { timeout: 20_000 });
  const maxGap = await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; watching: boolean };
    w.watching = false;
    return w.maxGap;
  });
  test.info().annotations.push({ type: "longest frame gap (ms)", description: maxGap.toFixed(0) });
  expect(maxGap, "longest main-thread stall while analysing (ms)").toBeLessThan(1500);
});
