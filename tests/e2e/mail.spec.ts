// Mail through a real SMTP server in the test process (smtp-server): an app server of its own is
// started with SMTP_URL pointing at it, on a fresh database of the suite's provider. The tests
// read what was delivered and follow its links in the browser, as the person would.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { scriptClient } from "../../scripts/lib/prisma-client";
import { type Received, startTestSmtp, type TestSmtp } from "../support/smtp";
import { linkTo, PASSWORD, signIn, signUp, uniqueEmail } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { E2E_PROVIDER, freshDatabase } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { type RunningServer, startServer } from "./support/server";

test.describe.configure({ mode: "serial" });

const FROM = { name: "Lectern Test", address: "lectern@example.test" };
let smtp: TestSmtp;
let server: RunningServer;
let databaseUrl: string;
let port: number;
const serverEnv = () => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: `${FROM.name} <${FROM.address}>`,
  // Explicit test configuration: every test learner here shares one client address.
  LECTERN_RATE_LIMIT_SCALE: "20",
});

test.beforeAll(async () => {
  test.setTimeout(150_000);
  smtp = await startTestSmtp();
  databaseUrl = (await freshDatabase("mail")).url;
  port = Number(process.env.LECTERN_E2E_PORT ?? 3100) + 500 + (test.info().workerIndex % 10);
  server = await startServer(port, databaseUrl, serverEnv());
  expect(server.output()).toContain(`Mail goes out by SMTP (127.0.0.1:${smtp.port})`);
});

test.afterAll(async () => {
  expect(await server?.stop("SIGTERM")).toBe(0);
  await smtp?.stop();
});

const newPage = async (browser: Browser): Promise<Page> =>
  (await browser.newContext({ baseURL: server.url })).newPage();

/** The next message to `email` whose subject matches. */
const mailTo = (email: string, subject: RegExp): Promise<Received> =>
  smtp.waitFor((m) => m.to.includes(email) && subject.test(m.parsed.subject ?? ""));

function expectFromUs(mail: Received) {
  expect(mail.parsed.from?.value).toEqual([FROM]);
  expect(mail.parsed.html).toContain('<meta name="color-scheme" content="light dark">');
}

/** A header as mail clients read it (long lines are folded in transit). */
function header(mail: Received, name: string): string | undefined {
  const head = mail.raw.slice(0, mail.raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  return head.match(new RegExp(`^${name}: (.*)$`, "im"))?.[1]?.trim();
}

/** Signs up through the page and confirms the address with the link that arrived by SMTP. */
async function signUpConfirmed(page: Page, name: string, email: string) {
  await signUp(page, name, email);
  const mail = await mailTo(email, /^Confirm your email address for Lectern$/);
  await page.goto(linkTo(mail.parsed.text ?? "", "/verify-email"));
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
}

test(`sign-up mails a confirmation link; until it is followed the learner reads but cannot comment (${E2E_PROVIDER})`, {
  tag: "@db",
}, async ({ browser }) => {
  const page = await newPage(browser);
  const email = uniqueEmail("confirm");
  await signUp(page, "Confirming Carla", email);
  const mail = await mailTo(email, /^Confirm your email address for Lectern$/);
  expectFromUs(mail);
  expect(mail.parsed.text).toContain("Hello Confirming Carla,");
  const link = linkTo(mail.parsed.text ?? "", "/verify-email");
  expect(mail.parsed.html).toContain(`href="${link.replace(/&/g, "&amp;")}"`);

  await page.goto("/courses/docker/volumes");
  await waitForHydration(page);
  const discussion = page.locator("#discussion");
  await discussion.scrollIntoViewIfNeeded();
  await expect(discussion.getByText(/Confirm your email address to comment/)).toBeVisible();
  await expect(discussion.getByRole("textbox", { name: /^Comment as/ })).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
  await expectNoAxeViolations(page, "verification result");
  await page.goto("/courses/docker/volumes");
  await waitForHydration(page);
  await expect(page.locator("#discussion").getByRole("textbox", { name: /^Comment as/ })).toBeVisible();

  // The link again: still confirmed. A tampered one: refused.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
  await page.goto(`${link.slice(0, -3)}xyz`);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});

test("forgot password: one answer for every address, a single-use link by SMTP, every session ended", {
  tag: "@db",
}, async ({ browser }) => {
  const email = uniqueEmail("forgetful");
  const signedIn = await newPage(browser);
  await signUp(signedIn, "Forgetful Fay", email);
  const visitor = await newPage(browser);

  const ask = async (address: string) => {
    await visitor.goto("/sign-in");
    await waitForHydration(visitor);
    await visitor.getByRole("link", { name: "Forgot password?" }).click();
    await expect(visitor.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await waitForHydration(visitor);
    await visitor.getByLabel("Email").fill(address);
    await visitor.getByRole("button", { name: "Send me a reset link" }).click();
    return (await visitor.getByRole("status").textContent()) ?? "";
  };
  const nobody = uniqueEmail("nobody");
  const answerForNobody = await ask(nobody);
  const answerForFay = await ask(email);
  expect(answerForFay).toContain("If an account uses this address, we have sent it a link");
  expect(answerForNobody).toBe(answerForFay);

  const mail = await mailTo(email, /^Reset your Lectern password$/);
  expectFromUs(mail);
  expect(mail.parsed.text).toContain("The link works once, for 30 minutes.");
  expect(smtp.messages.some((m) => m.to.includes(nobody))).toBe(false);
  const link = linkTo(mail.parsed.text ?? "", "/reset-password");

  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(visitor.getByText(`For ${email}.`)).toBeVisible();
  await expectNoAxeViolations(visitor, "reset form");
  await waitForHydration(visitor);
  await visitor.getByLabel("New password").fill("password1234");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByRole("main").getByRole("alert")).toContainText("too common");
  const fresh = "a quiet lighthouse keeps the harbour";
  await visitor.getByLabel("New password").fill(fresh);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(
    visitor.getByText("Your password was changed and every browser was signed out."),
  ).toBeVisible();

  // The browser that was signed in before is signed out.
  const me = await signedIn.request.get("/api/me");
  expect((await me.json()).user).toBeNull();
  // The old password no longer works; the new one does.
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByLabel("Password").fill(PASSWORD);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByRole("main").getByRole("alert")).toContainText(
    "The email or password is incorrect.",
  );
  await signIn(visitor, email, fresh);

  // The link works once.
  await visitor.goto(link);
  await expect(visitor.getByRole("main").getByRole("alert")).toContainText(
    "This link has expired or was already used.",
  );
  await expect(visitor.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
});

test("a reply and a comment in a followed discussion arrive as a digest with one-click unsubscribe", {
  tag: "@db",
}, async ({ browser }) => {
  const ada = { email: uniqueEmail("ada"), page: await newPage(browser) };
  const ben = { email: uniqueEmail("ben"), page: await newPage(browser) };
  const cy = { email: uniqueEmail("cy"), page: await newPage(browser) };
  await signUpConfirmed(ada.page, "Ada", ada.email);
  await signUpConfirmed(ben.page, 'Ben "B" & Co', ben.email);
  await signUpConfirmed(cy.page, "Cy", cy.email);

  const open = async (page: Page) => {
    await page.goto("/courses/docker/networking");
    await waitForHydration(page);
    const discussion = page.locator("#discussion");
    await discussion.scrollIntoViewIfNeeded();
    return discussion;
  };
  // Ada comments (and so follows); Cy follows without commenting.
  let discussion = await open(ada.page);
  await discussion.getByRole("textbox", { name: /^Comment as/ }).fill("Which network does Compose create?");
  await discussion.getByRole("button", { name: "Post comment" }).click();
  // This server's first comment loads the discussion's action code (several seconds on a busy
  // machine, as in scale-out.spec), so this one wait is longer.
  await expect(discussion.getByText("You follow this discussion")).toBeVisible({ timeout: 30_000 });
  discussion = await open(cy.page);
  await discussion.getByRole("button", { name: "Follow this discussion" }).click();
  await expect(discussion.getByText("You follow this discussion")).toBeVisible();

  // Ben replies with text that must stay text in the mail.
  discussion = await open(ben.page);
  const first = discussion.locator("[data-comment]").filter({ hasText: "Which network" });
  await first.getByRole("button", { name: "Reply" }).click();
  const reply = "A project network: <script>alert(1)</script> & service names resolve.";
  await first.getByRole("textbox", { name: /^Reply to/ }).fill(reply);
  await first.getByRole("button", { name: "Post reply" }).click();
  await expect(first.getByRole("list", { name: "Replies" })).toContainText("service names resolve");

  const toAda = await mailTo(ada.email, /replied to your comment/);
  expectFromUs(toAda);
  expect(toAda.parsed.subject).toBe(`Ben "B" & Co replied to your comment on "Part 6: Container Networking"`);
  expect(toAda.parsed.text).toContain(`> ${reply}`);
  expect(toAda.parsed.html).not.toContain("<script>");
  expect(toAda.parsed.html).toContain("Ben &quot;B&quot; &amp; Co replied to your comment:");
  expect(toAda.parsed.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; service names resolve.");
  expect(header(toAda, "List-Unsubscribe")).toMatch(
    new RegExp(`^<${server.url}/api/unsubscribe\\?token=[^>]+>$`),
  );
  expect(header(toAda, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  const toCy = await mailTo(cy.email, /commented on "Part 6: Container Networking"/);
  expect(toCy.parsed.text).toContain(reply);
  expect(smtp.messages.some((m) => m.to.includes(ben.email) && /comment/.test(m.parsed.subject ?? ""))).toBe(
    false,
  );

  // Ada follows the reply link to the comment, then unsubscribes with the link in the mail.
  await ada.page.goto(linkTo(toAda.parsed.text ?? "", "/courses/docker/networking/discussion"));
  await expect(ada.page.getByText("service names resolve")).toBeVisible();
  await ada.page.goto(linkTo(toAda.parsed.text ?? "", "/unsubscribe"));
  await expect(ada.page.getByText(`to ${ada.email}?`)).toBeVisible();
  await expectNoAxeViolations(ada.page, "unsubscribe");
  await waitForHydration(ada.page);
  await ada.page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(ada.page.getByRole("status")).toContainText("you will not get emails about replies");
  await ada.page.goto("/account#notifications");
  const settings = ada.page.getByRole("region", { name: "Email notifications" });
  await expect(settings.getByLabel("Replies to my comments")).not.toBeChecked();
  await expect(settings.getByLabel("New comments in discussions I follow")).not.toBeChecked();

  // A mail client's one-click unsubscribe (RFC 8058) for Cy: a POST to the header's address.
  const oneClick = (header(toCy, "List-Unsubscribe") ?? "").slice(1, -1);
  const response = await cy.page.request.post(oneClick, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(response.status()).toBe(200);
  await cy.page.goto("/account#notifications");
  await expect(cy.page.getByLabel("New comments in discussions I follow")).not.toBeChecked();
  const forged = await cy.page.request.post(oneClick.replace(/token=.{4}/, "token=abcd"), {
    data: "List-Unsubscribe=One-Click",
  });
  expect(forged.status()).toBe(404);
});

test("moving to a new address needs the link sent there; the old address is told", { tag: "@db" }, async ({
  browser,
}) => {
  const page = await newPage(browser);
  const before = uniqueEmail("mover");
  const after = uniqueEmail("moved");
  await signUpConfirmed(page, "Moving Mo", before);
  await page.goto("/account");
  await waitForHydration(page);
  const section = page.getByRole("region", { name: "Email address" });
  await section.getByText("Change email address").click(); // the <summary>
  await section.getByLabel("New email address").fill(after);
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Send a link to the new address" }).click();
  await expect(section.getByRole("status")).toContainText(`We sent a link to ${after}`);
  await page.reload();
  await expect(page.getByText(`Signed in as ${before}`)).toBeVisible();

  const mail = await mailTo(after, /^Confirm your new email address for Lectern$/);
  await page.goto(linkTo(mail.parsed.text ?? "", "/verify-email"));
  await expect(page.getByRole("heading", { name: "Your email address was changed" })).toBeVisible();
  const notice = await mailTo(before, /email address was changed$/);
  expect(notice.parsed.text).toContain(`now uses ${after}`);
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${after}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Email address" })).toContainText("confirmed");
});

test("mail queued while SMTP is down survives a restart of the server and arrives once", {
  tag: "@db",
}, async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await newPage(browser);
  const email = uniqueEmail("restart");
  await signUpConfirmed(page, "Restarting Rae", email);
  await smtp.stop();
  const asked = await page.request.post("/api/auth/password-reset", { data: { email } });
  expect(asked.status()).toBe(200);
  const db = scriptClient(databaseUrl);
  try {
    // The first attempt fails (SMTP is down) and the mail waits in the database…
    await expect
      .poll(
        async () =>
          (await db.mailMessage.findFirst({ where: { toAddress: email, kind: "password-reset" } }))?.attempts,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    // …through a clean stop of the server, and a new start with SMTP back.
    expect(await server.stop("SIGTERM")).toBe(0);
    await smtp.start();
    server = await startServer(port, databaseUrl, serverEnv());
    // The retry waits out its backoff (about 30 s after the failure).
    await smtp.waitFor(
      (m) => m.to.includes(email) && m.parsed.subject === "Reset your Lectern password",
      60_000,
    );
    // SMTP has the message a moment before the sender records it as sent.
    const sentRow = () =>
      db.mailMessage.findFirstOrThrow({ where: { toAddress: email, kind: "password-reset" } });
    await expect.poll(async () => (await sentRow()).status, { timeout: 10_000 }).toBe("sent");
    const row = await sentRow();
    expect(row).toMatchObject({ status: "sent", transport: "smtp", attempts: 2 });
    expect(smtp.messages.filter((m) => m.messageId === `<${row.id}@localhost>`)).toHaveLength(1);
  } finally {
    await db.$disconnect();
  }
});
