import { expect, test } from "@playwright/test";
import { waitForHydration } from "./support/hydration";

test("resetting a course's progress asks for the typed word, then clears completions and attempts", {
  tag: "@db",
}, async ({ page }) => {
  await page.goto("/courses/docker/networking");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByText("You completed this part")).toBeVisible();

  await page.goto("/progress");
  await waitForHydration(page);
  const row = page.locator('[data-lesson="networking"] [data-status]');
  await expect(row).toContainText("Completed");
  await page.getByText("Reset my progress in this course…").click();
  const confirm = page.getByRole("textbox", { name: /to confirm/ });
  const status = page.getByRole("status").filter({ hasText: /reset|confirm/i });

  // The wrong word: a clear message, nothing deleted.
  await confirm.fill("delete");
  await page.getByRole("button", { name: "Reset progress" }).click();
  await expect(status).toHaveText('Type "reset" to confirm');
  await page.reload();
  await expect(row).toContainText("Completed");

  // The right word: everything of this course is gone, also after a reload.
  await page.getByText("Reset my progress in this course…").click();
  await confirm.fill("reset");
  await page.getByRole("button", { name: "Reset progress" }).click();
  await expect(status).toHaveText("Progress reset.");
  await page.reload();
  await expect(row).toContainText("Not started");
  await expect(page.getByText("0 of 10 parts done")).toBeVisible();
  await page.goto("/courses/docker/networking");
  await waitForHydration(page);
  await expect(page.getByRole("button", { name: "Mark as complete" })).toBeVisible();
});
