import { expect, type Page, test } from "@playwright/test";
import { waitForHydration } from "./support/hydration";
import { expectNoSidewaysScroll, WIDTHS } from "./support/layout";

// What a long lesson costs the browser while it loads (issue 17 item 1, decision 036): blocks far
// from the window are not laid out, islands mount as the reader nears them, and the header's
// links prefetch when reached for rather than while the page loads.

const PART7 = "/courses/docker/multi-stage-builds";

/** Whether `selector`'s first match is being rendered (false while content-visibility skips it). */
function rendered(page: Page, selector: string) {
  return page.evaluate(
    (s) => document.querySelector(s)?.checkVisibility({ contentVisibilityAuto: true }) ?? null,
    selector,
  );
}

/**
 * How far the heading `id` is, once the page stopped moving, from where scrolling it into view
 * puts it (under the sticky header, by its scroll margin): 0 when a link landed on it.
 */
async function missedBy(page: Page, id: string) {
  const top = () =>
    page.evaluate(async (i) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return Math.round(document.getElementById(i)!.getBoundingClientRect().top);
    }, id);
  let previous = Number.NaN;
  let current = await top();
  for (let i = 0; i < 20 && current !== previous; i++) {
    previous = current;
    current = await top();
  }
  expect(current, `#${id} stopped moving`).toBe(previous);
  await page.evaluate((i) => document.getElementById(i)!.scrollIntoView({ behavior: "instant" }), id);
  return Math.abs(current - (await top()));
}

test("a long lesson lays out only the blocks near the window; the rest appear as they are reached", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(PART7);
  const summary = ".lesson-prose > h2#summary + ul > li";
  expect(await rendered(page, ".lesson-prose > p")).toBe(true);
  expect(await rendered(page, summary)).toBe(false);
  // Scrolling there may take more than one step: the blocks on the way turn out taller than estimated.
  await expect
    .poll(async () => {
      await page.locator(summary).first().scrollIntoViewIfNeeded();
      return rendered(page, summary);
    })
    .toBe(true);
  await expect(page.locator(summary).first()).toHaveText(/\w/);
});

test("a link to a section lands on its heading and the page is never wider than its window", async ({
  page,
}) => {
  for (const width of WIDTHS) {
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 800 });
      await page.goto("about:blank");
      await page.goto(`${PART7}#choosing-a-base-image`);
      await waitForHydration(page);
      // The heading sits under the sticky header (its scroll margin), not somewhere else.
      expect(await missedBy(page, "choosing-a-base-image"), `${width} ${theme}`).toBeLessThan(4);
      await expect(page.locator("#choosing-a-base-image")).toBeInViewport();
      // A link within the page (as the contents' links are), further down and back up.
      for (const id of ["go", "why-image-size-matters"]) {
        await page.evaluate((i) => {
          window.location.hash = i;
        }, id);
        expect(await missedBy(page, id), `#${id} at ${width} ${theme}`).toBeLessThan(4);
      }
      // Down to the end and back, as a reader does (End, Home): every block shown once, nothing
      // sideways, the title back on top. A key, a wheel, a touch or a click ends the landing above
      // (components/ui/land-on.ts), which for two seconds after a jump keeps its heading in place
      // while the blocks around it settle; a script's scrollTo is none of those.
      // The end may take more than one press: the blocks on the way turn out taller than estimated.
      await expect
        .poll(async () => {
          await page.keyboard.press("End");
          return page.evaluate(
            () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
          );
        })
        .toBe(true);
      await expectNoSidewaysScroll(page, `Part 7 bottom at ${width} ${theme}`);
      await page.keyboard.press("Home");
      await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
      await expectNoSidewaysScroll(page, `Part 7 top at ${width} ${theme}`);
      // The contents' active section follows the reader (components/lesson/active-section.ts); the
      // way there may take more than one scroll, the blocks on it turning out taller than estimated.
      if (width === 1280) {
        const link = page.locator(
          'aside nav[aria-label="On this page"] a[href="#the-three-stage-nodejs-pattern"]',
        );
        await expect
          .poll(async () => {
            await page.evaluate(() =>
              document
                .getElementById("the-three-stage-nodejs-pattern")!
                .scrollIntoView({ behavior: "instant" }),
            );
            return link.getAttribute("aria-current");
          })
          .toBe("location");
      }
    }
  }
});

test("without JavaScript the lesson is laid out whole and a link to a section lands on its heading", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 800 },
  });
  const page = await context.newPage();
  for (const id of ["choosing-a-base-image", "check-your-understanding"]) {
    await page.goto("about:blank");
    await page.goto(`${PART7}#${id}`);
    // Under the sticky header (56 px) by its scroll margin once the (smooth) jump ends.
    await expect
      .poll(
        async () => {
          const y = (await page.locator(`#${id}`).boundingBox())?.y ?? -1;
          return y >= 56 && y < 140;
        },
        { message: id },
      )
      .toBe(true);
  }
  await context.close();
});

test("printing lays out the whole lesson", async ({ page }) => {
  await page.goto(PART7);
  await page.emulateMedia({ media: "print" });
  const skipping = await page.evaluate(
    () =>
      [...document.querySelectorAll(".lesson-prose > *")].filter(
        (e) => getComputedStyle(e).contentVisibility !== "visible",
      ).length,
  );
  expect(skipping).toBe(0);
});

test("an island mounts when the reader nears it, without waiting for the browser to be idle", async ({
  page,
}) => {
  // Idle never comes: only nearing the island (or touching it) can mount it.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PART7);
  await page.waitForFunction(() => {
    const el = document.querySelector("header button");
    return Boolean(el && Object.keys(el).some((k) => k.startsWith("__reactFiber")));
  });
  const quiz = page.locator('[data-island="quiz"]');
  await expect(quiz).not.toHaveAttribute("data-island-mounted");
  await page.locator("#check-your-understanding").scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute("data-island-mounted", "");
});

test("the header's links prefetch when reached for, not while the page loads", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() !== "document") prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto(PART7);
  await waitForHydration(page);
  await page.waitForLoadState("networkidle");
  const header = page.locator("header");
  for (const path of ["/", "/progress", "/review"]) expect(prefetched, path).not.toContain(path);
  await header.getByRole("link", { name: "Progress" }).hover();
  await expect.poll(() => prefetched).toContain("/progress");
});
