import { expect, type Page } from "@playwright/test";
import { waitForHydration } from "./hydration";

/** Opens the instructor preview and waits until it can take input. */
export async function openPreview(page: Page) {
  await page.goto("/instructor/preview");
  await waitForHydration(page);
  return page.getByRole("textbox", { name: "Lesson source (MDX)" });
}

/**
 * Replaces the editor's text with one input event, as a paste would (Chromium's editing takes
 * seconds for 200 KB), then waits for the answer of the compile that follows the debounce.
 */
export async function setSource(page: Page, source: string) {
  const status = page.locator("#preview-status");
  const before = await status.getAttribute("data-answered");
  await page
    .getByRole("textbox", { name: "Lesson source (MDX)" })
    .evaluate((el: HTMLTextAreaElement, value) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(el, value);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, source);
  await expect(status).not.toHaveAttribute("data-answered", before ?? "0", { timeout: 15_000 });
}
