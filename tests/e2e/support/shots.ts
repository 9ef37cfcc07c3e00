import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A screenshot taker for the shots specs (skipped unless LECTERN_SHOTS_DIR is set): each shot
 * first checks the page is never wider than the viewport.
 */
export const screenshotsInto =
  (dir: string | undefined) => async (page: Page, name: string, target?: Locator) => {
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    if (target) await target.scrollIntoViewIfNeeded();
    await (target ?? page).screenshot({ path: `${dir}/${name}.png` });
  };
