import { expect, test } from "@playwright/test";
import { freshDatabase } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { startServer } from "./support/server";

test("npm start run twice on the same database keeps what learners wrote, and Ctrl-C stops it cleanly", {
  tag: "@db",
}, async ({ browser }) => {
  test.setTimeout(120_000);
  const { url: dbUrl } = await freshDatabase("restart");
  // Beside the suite's own server (LECTERN_E2E_PORT), so two suites on one machine do not collide.
  const port = Number(process.env.LECTERN_E2E_PORT ?? 3100) + 300 + (test.info().workerIndex % 10);

  const first = await startServer(port, dbUrl);
  const context = await browser.newContext({ baseURL: first.url });
  const page = await context.newPage();
  await page.goto("/courses/docker/networking");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByText("You completed this part")).toBeVisible();
  expect(await first.stop("SIGINT")).toBe(0);
  expect(first.output()).toContain("Lectern stopped.");

  const second = await startServer(port, dbUrl);
  await page.goto("/courses/docker/networking");
  await expect(page.getByText("You completed this part")).toBeVisible();
  await page.goto("/progress");
  await expect(page.locator('[data-lesson="networking"] [data-status]')).toContainText("Completed");
  await context.close();
  expect(await second.stop("SIGTERM")).toBe(0);
});
