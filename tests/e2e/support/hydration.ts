import type { Page } from "@playwright/test";

/** Waits until React has hydrated the page, so a click on a form button is not a plain POST. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector("header button");
    return Boolean(el && Object.keys(el).some((k) => k.startsWith("__reactFiber")));
  });
}
