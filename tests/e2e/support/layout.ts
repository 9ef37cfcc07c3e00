import { expect, type Locator, type Page } from "@playwright/test";

/** The two widths every page type is checked at: a phone and a laptop. */
export const WIDTHS = [390, 1280] as const;

/** Fails when the document is wider than the viewport (the page would scroll sideways). */
export async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${label}: the document is ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(
    client,
  );
}

/** Fails when `inner` reaches past the right edge of `outer` (it would overlap the next column). */
export async function expectWithin(inner: Locator, outer: Locator, label: string) {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  expect(a && b, `${label}: both boxes exist`).toBeTruthy();
  expect(a!.x + a!.width, `${label}: right edge past its column`).toBeLessThanOrEqual(b!.x + b!.width + 0.5);
}

/** A 5,000-character word and a long URL: what once made a lesson 75,265 px wide. */
export const LONG_WORD = "a".repeat(5000);
export const LONG_URL = `https://example.com/${"path-segment/".repeat(60)}end`;

/** `target`'s top in the window once it has held still there for three frames. */
export async function stillTop(target: Locator): Promise<number> {
  return target.evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        let last = Number.NaN;
        let still = 0;
        const frame = () => {
          const top = el.getBoundingClientRect().top;
          still = top === last ? still + 1 : 0;
          last = top;
          if (still >= 3) resolve(top);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/**
 * Scrolls `target` into the window, waits until it has held still for three frames, then
 * clicks it: what a reader does. Right after a jump down a lesson the blocks that come near the
 * window are laid out and replace their estimated heights (decision 036), which can move what is
 * below them for a frame or two; Playwright checks that an element is still before it scrolls,
 * not after, so its click could land where the element was.
 */
export async function clickWhenStill(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await stillTop(target);
  await target.click();
}
