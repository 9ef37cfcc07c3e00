// Without SMTP_URL (the default of `npm start`, and of the suite's server) mail goes to the
// outbox in the database: every flow still works, through an admin or the `user` command.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import {
  confirmEmail,
  createAccount,
  linkTo,
  outboxMail,
  PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
} from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { waitForHydration } from "./support/hydration";

const ROOT = path.resolve(import.meta.dirname, "../..");

test("without SMTP an admin finds the reset mail in the outbox, and its link sets a new password", {
  tag: "@db",
}, async ({ browser, page }) => {
  const learner = await createAccount("learner", "Outbox Olive");
  const admin = await createAccount("admin", "Admin Ann");
  const asked = new Date(Date.now() - 1000);
  await page.goto("/forgot-password");
  await waitForHydration(page);
  await expectNoAxeViolations(page, "forgot password");
  await page.getByLabel("Email").fill(learner.email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");
  await outboxMail(learner.email, "password-reset", E2E_DATABASE_URL, asked);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, PASSWORD, "/admin/outbox");
  await expect(adminPage).toHaveURL(/\/admin\/outbox$/);
  await expect(adminPage.getByText("No SMTP_URL is set: mail stays here")).toBeVisible();
  const item = adminPage
    .locator("[data-mail]")
    .filter({ hasText: `To ${learner.email}` })
    .first();
  await expect(item).toContainText("Reset your Lectern password");
  await expect(item).toContainText("In the outbox");
  await expectNoAxeViolations(adminPage, "outbox");
  await item.getByRole("link", { name: "Reset your Lectern password" }).click();
  await expect(adminPage.getByRole("heading", { name: "Reset your Lectern password" })).toBeVisible();
  await expect(adminPage.getByText(learner.email).first()).toBeVisible();
  await expectNoAxeViolations(adminPage, "outbox message");
  const link =
    (await adminPage.getByRole("link", { name: /\/reset-password\?token=/ }).getAttribute("href")) ?? "";
  await waitForHydration(adminPage);
  await adminPage.getByRole("button", { name: "Show the HTML version" }).click();
  const preview = adminPage.locator('iframe[title^="HTML version"]');
  await expect(preview).toHaveAttribute("sandbox", "");
  await expect(preview.contentFrame().getByRole("link", { name: "Choose a new password" })).toBeVisible();

  await page.goto(link);
  await waitForHydration(page);
  await page.getByLabel("New password").fill("copper kettles sing at dawn");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await signIn(page, learner.email, "copper kettles sing at dawn");

  // The outbox is for admins only: a learner gets the ordinary 404, a visitor the sign-in page.
  const response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(404);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/admin/outbox");
  await expect(visitor).toHaveURL(/\/sign-in\?next=%2Fadmin%2Foutbox$/);
});

test("an unconfirmed account reads and takes part in quizzes but cannot comment until it follows the link", {
  tag: "@db",
}, async ({ page }) => {
  const email = uniqueEmail("unconfirmed");
  await signUp(page, "Unconfirmed Una", email);
  await page.goto("/account");
  await waitForHydration(page);
  const section = page.getByRole("region", { name: "Email address" });
  await expect(section).toContainText("not confirmed yet");
  await expectNoAxeViolations(page, "account with an unconfirmed address");
  await section.getByRole("button", { name: "Send the link again" }).click();
  await expect(section.getByRole("status")).toContainText(`We sent a new link to ${email}`);

  // The API refuses the comment with the reason, whatever the page shows.
  const refused = await page.request.post("/api/comments", {
    data: { course: "docker", lesson: "compose", body: "Let me in", submissionId: crypto.randomUUID() },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toContain("Confirm your email address");
  await page.goto("/courses/docker/compose/discussion");
  await expect(page.getByText(/Confirm your email address to comment/)).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);

  await confirmEmail(page, email);
  await page.goto("/courses/docker/compose/discussion");
  await page
    .getByRole("textbox", { name: /^Comment as/ })
    .fill("Confirmed and commenting, without JavaScript too.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Confirmed and commenting, without JavaScript too.")).toBeVisible();
  await expect(page.getByText("You follow this discussion")).toBeVisible();
});

test("`npm run user -- reset-link` prints a link an operator can hand over", { tag: "@db" }, async ({
  page,
}) => {
  const learner = await createAccount("learner", "Operator Otto");
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "scripts/user.ts", "reset-link", "--email", learner.email],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: E2E_DATABASE_URL,
        SITE_URL: `http://localhost:${process.env.LECTERN_E2E_PORT ?? 3100}`,
      },
    },
  );
  const link = linkTo(stdout, "/reset-password");
  await page.goto(link);
  await waitForHydration(page);
  await page.getByLabel("New password").fill("seven orange lanterns drift");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await signIn(page, learner.email, "seven orange lanterns drift");
});

test("notification settings: defaults on, saved as chosen; instructors choose course digests", {
  tag: "@db",
}, async ({ page }) => {
  const instructor = await createAccount("instructor", "Digest Dora");
  await signIn(page, instructor.email, PASSWORD, "/account");
  await waitForHydration(page);
  const settings = page.getByRole("region", { name: "Email notifications" });
  await expect(settings.getByLabel("Replies to my comments")).toBeChecked();
  await expect(settings.getByLabel("New comments in discussions I follow")).toBeChecked();
  await expect(settings).toContainText("at most one email every 60 minutes");
  const course = settings.getByLabel("Docker, From First Container to Production");
  await expect(course).not.toBeChecked();
  await course.check();
  await settings.getByLabel("New comments in discussions I follow").uncheck();
  await settings.getByRole("button", { name: "Save notification settings" }).click();
  await expect(settings.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(course).toBeChecked();
  await expect(settings.getByLabel("New comments in discussions I follow")).not.toBeChecked();
  await expect(settings.getByLabel("Replies to my comments")).toBeChecked();
  await expectNoAxeViolations(page, "account notification settings");
});
