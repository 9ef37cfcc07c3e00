import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, useTheme } from "./support/axe";
import { waitForHydration } from "./support/hydration";

test("the home page renders the catalog with no console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Docker, From First Container to Production" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("the theme toggle switches the theme and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await waitForHydration(page);
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await useTheme(page, "dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await useTheme(page, "light");
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("the health endpoint reports the app and a reachable database", { tag: "@db" }, async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("no-store");
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.database.status).toBe("ok");
  expect(body.database.migrations).toBeGreaterThan(0);
});

test("the home page has no WCAG 2.1 AA violations in either theme", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await useTheme(page, "light");
  await expectNoAxeViolations(page, "home (light)");
  await useTheme(page, "dark");
  await expectNoAxeViolations(page, "home (dark)");
});

test("an unknown page is a styled 404", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  const lesson = await page.goto("/courses/docker/no-such-lesson");
  expect(lesson?.status()).toBe(404);
  await expectNoAxeViolations(page, "404");
});
