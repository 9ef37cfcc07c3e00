import { expect, test } from "@playwright/test";
import { confirmEmail, PASSWORD, signIn, signUp, uniqueEmail } from "./support/accounts";
import { waitForHydration } from "./support/hydration";

test("a learner renames the account, then deletes it with its progress and comments", { tag: "@db" }, async ({
  page,
}) => {
  const email = uniqueEmail("leaving");
  await signUp(page, "Leaving Lena", email);
  await confirmEmail(page, email);
  await page.goto("/courses/docker/registries-and-security");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByText("You completed this part")).toBeVisible();
  const discussion = page.locator("#discussion");
  await discussion
    .getByRole("textbox", { name: /^Comment as/ })
    .fill("A comment that leaves with its author.");
  await discussion.getByRole("button", { name: "Post comment" }).click();
  await expect(discussion.getByText("A comment that leaves with its author.")).toBeVisible();

  await page.goto("/account");
  await waitForHydration(page);
  await page.getByRole("textbox", { name: "Display name" }).fill("Lena L.");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await expect(page.getByText(/Your comments are replaced by “\[deleted\]”/)).toBeVisible();
  const remove = page.getByRole("region", { name: "Delete account" });
  await remove.getByLabel("Password").fill(PASSWORD);
  await remove.getByLabel('Type "delete" to confirm').fill("delete");
  await remove.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);

  await page.goto("/progress");
  await expect(page.getByText("Nothing recorded yet.")).toBeVisible();
  await page.goto("/courses/docker/registries-and-security");
  await expect(page.locator("#discussion").getByText("A comment that leaves with its author.")).toHaveCount(
    0,
  );
  await page.goto("/sign-in");
  await waitForHydration(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
});

test("sign out everywhere ends every session of the account", { tag: "@db" }, async ({ browser }) => {
  const email = uniqueEmail("everywhere");
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signUp(first, "Everywhere Eve", email);
  await signIn(second, email);
  await first.goto("/account");
  await waitForHydration(first);
  await first.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first).toHaveURL(/\/sign-in/);
  await second.goto("/account");
  await expect(second).toHaveURL(/\/sign-in/);
});
