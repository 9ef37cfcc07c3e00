import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import type { Role } from "../../../lib/auth/roles";
import { createUser } from "../../../lib/auth/users";
import { scriptClient } from "../../../scripts/lib/prisma-client";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { waitForHydration } from "./hydration";

export const PASSWORD = "correct-horse-battery-staple";

/** A fresh, unique email for one test. */
export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** Creates an account directly in the e2e database, with the factory the `user` command uses. */
export async function createAccount(
  role: Role,
  name: string,
): Promise<{ email: string; password: string; name: string }> {
  const db = scriptClient(E2E_DATABASE_URL);
  const email = uniqueEmail(role);
  try {
    await createUser(db, { email, name, password: PASSWORD, role });
  } finally {
    await db.$disconnect();
  }
  return { email, password: PASSWORD, name };
}

/** Signs in through the sign-in page, as a learner would. */
export async function signIn(page: Page, email: string, password = PASSWORD, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await waitForHydration(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Signs up through the sign-up page; by default waits until the new account has left the form. */
export async function signUp(
  page: Page,
  name: string,
  email: string,
  password = PASSWORD,
  next = "/",
  expectSuccess = true,
) {
  await page.goto(`/sign-up?next=${encodeURIComponent(next)}`);
  await waitForHydration(page);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  if (expectSuccess) await expect(page).not.toHaveURL(/\/sign-up/);
}

/** The header's account menu button (it carries the signed-in person's name). */
export const accountMenuButton = (page: Page) => page.locator("header [data-account-menu]");
