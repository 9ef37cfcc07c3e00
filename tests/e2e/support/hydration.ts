import type { Page } from "@playwright/test";

/**
 * Waits until React has hydrated the page and mounted every island of a lesson body
 * (components/islands/mount.tsx), so a click on a form button is not a plain POST.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector("header button");
    const hydrated = Boolean(el && Object.keys(el).some((k) => k.startsWith("__reactFiber")));
    return hydrated && !document.querySelector("[data-lesson-body] [data-island]:not([data-island-mounted])");
  });
}
