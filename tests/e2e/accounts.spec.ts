import { expect, test } from "@playwright/test";
import { accountMenuButton, PASSWORD, signIn, signUp, uniqueEmail } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";

test("a learner signs up, signs out and signs in again", { tag: "@db" }, async ({ page }) => {
  const email = uniqueEmail("ada");
  await signUp(page, "Ada Lovelace", email);
  await expect(page).toHaveURL(/\/$/);
  const menu = accountMenuButton(page);
  await expect(menu).toContainText("Ada Lovelace");
  await menu.click();
  await page.locator("header").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, email);
  await expect(accountMenuButton(page)).toContainText("Ada Lovelace");
});

test("a wrong password and an unknown email get the same message", { tag: "@db" }, async ({ page }) => {
  const email = uniqueEmail("grace");
  await signUp(page, "Grace Hopper", email);
  await page.context().clearCookies();
  for (const [who, password] of [
    [email, "not-the-password-at-all"],
    [uniqueEmail("nobody"), PASSWORD],
  ] as const) {
    await page.goto("/sign-in");
    await waitForHydration(page);
    await page.getByLabel("Email").fill(who);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
  }
});

test("sign-up refuses a short or common password and says why", { tag: "@db" }, async ({ page }) => {
  // The browser already refuses a short one before anything is sent...
  await signUp(page, "Weak Pass", uniqueEmail("weak"), "short", "/", false);
  await expect(page).toHaveURL(/\/sign-up/);
  expect(await page.getByLabel("Password").evaluate((el: HTMLInputElement) => el.validity.tooShort)).toBe(
    true,
  );
  // ...and the server refuses a long but common one.
  await signUp(page, "Weak Pass", uniqueEmail("weak"), "Password123!", "/", false);
  await expect(page.getByText(/too common/).first()).toBeVisible();
});

test("progress made before signing up moves into the new account", { tag: "@db" }, async ({ page }) => {
  await page.goto("/courses/docker/production");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByText("You completed this part")).toBeVisible();
  await signUp(page, "Linus", uniqueEmail("linus"), PASSWORD, "/progress");
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.locator('[data-lesson="production"] [data-status]')).toContainText("Completed");
  // The anonymous cookie is gone: signing out leaves nothing behind in this browser.
  await page.goto("/");
  await accountMenuButton(page).click();
  await page.locator("header").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/progress");
  await expect(page.getByText("Nothing recorded yet.")).toBeVisible();
});

test("the sign-in, sign-up and account pages have no axe violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoAxeViolations(page, "sign-in");
  await page.goto("/sign-up");
  await expectNoAxeViolations(page, "sign-up");
  await signUp(page, "Axe Tester", uniqueEmail("axe"));
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectNoAxeViolations(page, "account");
});

test("changing the password signs out other browsers", { tag: "@db" }, async ({ browser }) => {
  const email = uniqueEmail("two");
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signUp(first, "Two Browsers", email);
  await signIn(second, email);
  await first.goto("/account");
  await waitForHydration(first);
  await first.getByLabel("Current password").fill(PASSWORD);
  await first.getByLabel("New password").fill("a-brand-new-long-passphrase");
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(first.getByText("Password changed.")).toBeVisible();
  await second.goto("/account");
  await expect(second).toHaveURL(/\/sign-in/);
  await first.goto("/account");
  await expect(first.getByRole("heading", { name: "Your account" })).toBeVisible();
});
