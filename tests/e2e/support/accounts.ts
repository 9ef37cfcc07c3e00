import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { markEmailVerified } from "../../../lib/auth/operator";
import type { Role } from "../../../lib/auth/roles";
import { createUser } from "../../../lib/auth/users";
import { scriptClient } from "../../../scripts/lib/prisma-client";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { waitForHydration } from "./hydration";

export const PASSWORD = "correct-horse-battery-staple";

/** A fresh, unique email for one test. */
export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/**
 * Creates an account directly in the e2e database, with the factory the `user` command uses.
 * Its address is confirmed as an operator confirms one (`npm run user -- verify`), unless
 * `verified: false`: the sign-up flow itself is tested with the real link (confirmEmail).
 */
export async function createAccount(
  role: Role,
  name: string,
  { verified = true }: { verified?: boolean } = {},
): Promise<{ email: string; password: string; name: string }> {
  const db = scriptClient(E2E_DATABASE_URL);
  const email = uniqueEmail(role);
  try {
    await createUser(db, { email, name, password: PASSWORD, role });
    if (verified) await markEmailVerified(db, email);
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

export type OutboxMail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/**
 * The newest mail of `kind` to `email` in a server's outbox (its database; the suite's by
 * default), waiting until it is queued. What an admin would read at /admin/outbox.
 */
export async function outboxMail(
  email: string,
  kind: string,
  databaseUrl = E2E_DATABASE_URL,
  after = new Date(0),
): Promise<OutboxMail> {
  const db = scriptClient(databaseUrl);
  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const row = await db.mailMessage.findFirst({
        where: { toAddress: email.toLowerCase(), kind, createdAt: { gt: after } },
        orderBy: { createdAt: "desc" },
        select: { id: true, subject: true, text: true, html: true, headers: true },
      });
      if (row) return { ...row, headers: JSON.parse(row.headers) as Record<string, string> };
      if (Date.now() > deadline) throw new Error(`no ${kind} mail to ${email} in the outbox`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await db.$disconnect();
  }
}

/** The first address in a mail's text that goes to `path` on the site. */
export function linkTo(text: string, path: string): string {
  const link = text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  if (!link) throw new Error(`no ${path} link in:\n${text}`);
  return link;
}

/** Follows the confirmation link from the outbox in the browser, as the owner of the address would. */
export async function confirmEmail(page: Page, email: string, databaseUrl = E2E_DATABASE_URL) {
  const mail = await outboxMail(email, "verify-email", databaseUrl);
  await page.goto(linkTo(mail.text, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
}
