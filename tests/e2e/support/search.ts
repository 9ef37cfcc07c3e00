import { expect, type Page } from "@playwright/test";

/**
 * Presses "/" until the search dialog opens. The header button gets React's fiber (what
 * waitForHydration looks for) while hydrating, a moment before the effect that listens for
 * the key has run; on a busy machine a single early press can fall into that gap.
 */
export async function openSearchWithSlash(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Search lessons" });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.keyboard.press("/");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}
