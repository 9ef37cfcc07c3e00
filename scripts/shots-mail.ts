// Screenshots of the mail pages and states at 390 and 1280 px, light and dark, for review:
//   npx tsx scripts/shots-mail.ts <folder>     (needs a build; starts its own server and database)
// Forgot password (empty, sent), reset form (valid, refused password, used link), the
// verification banner and results, account notification settings, unsubscribe, the admin
// outbox and a message, and the mails themselves.
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "@playwright/test";
import { createResetLink, markEmailVerified } from "../lib/auth/operator";
import { createUser } from "../lib/auth/users";
import { digestMail } from "../lib/notifications/templates";
import { unsubscribeToken } from "../lib/notifications/unsubscribe-token";
import { findChromium } from "./lib/chromium";
import { scriptClient } from "./lib/prisma-client";
import { startServer } from "./lib/spawn-server";

const out = path.resolve(process.argv[2] ?? "shots");
mkdirSync(out, { recursive: true });
const port = Number(process.env.LECTERN_BENCH_PORT ?? 3600) + 250;
const databaseUrl = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "lectern-shots-")), "shots.db")}`;
const server = await startServer(port, databaseUrl, { LECTERN_RATE_LIMIT_SCALE: "1000" });
const db = scriptClient(databaseUrl);
const password = "shots-password-long-enough";
const person = async (
  email: string,
  name: string,
  role: "learner" | "admin" | "instructor",
  verified: boolean,
) => {
  await createUser(db, { email, name, password, role });
  if (verified) await markEmailVerified(db, email);
  return email;
};
const admin = await person("admin@example.test", "Admin Ann", "admin", true);
const unconfirmed = await person("una@example.test", "Unconfirmed Una", "learner", false);
const instructor = await person("dora@example.test", "Digest Dora", "instructor", true);
const ben = await person("ben@example.test", "Ben with a rather long display name", "learner", true);

process.on("uncaughtException", async (error) => {
  console.error(error);
  await server.stop("SIGTERM");
  process.exit(1);
});
const chromiumPath = (await findChromium())?.path;
const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--disable-gpu"] });

async function signedIn(email: string, width: number, dark: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width, height: 900 },
    colorScheme: dark ? "dark" : "light",
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await page.close();
  return context;
}

type Shot = { name: string; as?: string; run: (page: Page) => Promise<void> };

async function capture(shot: Shot) {
  for (const width of [390, 1280])
    for (const dark of [false, true]) {
      const context = shot.as
        ? await signedIn(shot.as, width, dark)
        : await browser.newContext({
            baseURL: server.url,
            viewport: { width, height: 900 },
            colorScheme: dark ? "dark" : "light",
          });
      const page = await context.newPage();
      await shot.run(page);
      await page.waitForLoadState("networkidle");
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      if (wide) console.warn(`! ${shot.name} at ${width}: wider than the viewport`);
      await page.screenshot({
        path: path.join(out, `${shot.name}-${width}-${dark ? "dark" : "light"}.png`),
        fullPage: true,
      });
      await context.close();
    }
  console.log(`✔ ${shot.name}`);
}

const hydrated = (page: Page) => page.waitForLoadState("networkidle");

await capture({ name: "forgot-empty", run: (p) => p.goto("/forgot-password").then(() => hydrated(p)) });
await capture({
  name: "forgot-sent",
  run: async (p) => {
    await p.goto("/forgot-password");
    await hydrated(p);
    await p.getByLabel("Email").fill(`someone-${Math.random()}@example.test`);
    await p.getByRole("button", { name: "Send me a reset link" }).click();
    await p.getByRole("status").waitFor();
  },
});
const resetLink = async () =>
  (await createResetLink(db, { email: ben, databaseUrl, siteUrl: server.url, secret: undefined })) as string;
await capture({ name: "reset-valid", run: async (p) => void (await p.goto(await resetLink())) });
await capture({
  name: "reset-weak-password",
  run: async (p) => {
    await p.goto(await resetLink());
    await hydrated(p);
    await p.getByLabel("New password").fill("password123");
    await p.getByRole("button", { name: "Set new password" }).click();
    await p.getByRole("main").getByRole("alert").waitFor();
  },
});
await capture({
  name: "reset-used-link",
  run: async (p) => void (await p.goto("/reset-password?token=usedtokenusedtokenusedt")),
});
await capture({
  name: "verify-done",
  run: async (p) => void (await p.goto("/verify-email/result?status=verified")),
});
await capture({
  name: "verify-expired",
  run: async (p) => void (await p.goto("/verify-email/result?status=expired")),
});
await capture({
  name: "account-unconfirmed",
  as: unconfirmed,
  run: async (p) => void (await p.goto("/account")),
});
await capture({
  name: "discussion-unconfirmed",
  as: unconfirmed,
  run: async (p) => {
    await p.goto("/courses/docker/volumes/discussion");
  },
});
await capture({
  name: "discussion-following",
  as: ben,
  run: async (p) => {
    await p.goto("/courses/docker/volumes/discussion");
    const follow = p.getByRole("button", { name: "Follow this discussion" });
    if (await follow.count()) {
      await hydrated(p);
      await follow.click();
      await p.getByText("You follow this discussion").waitFor();
    }
  },
});
await capture({
  name: "account-notifications",
  as: instructor,
  run: async (p) => {
    await p.goto("/account#notifications");
  },
});
// A reset mail for Ben, asked for as a visitor would.
await fetch(`${server.url}/api/auth/password-reset`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ email: ben }),
});
const someMail = await db.mailMessage.findFirstOrThrow({
  where: { kind: "password-reset" },
  select: { id: true },
});
await capture({ name: "outbox", as: admin, run: async (p) => void (await p.goto("/admin/outbox")) });
await capture({
  name: "outbox-message",
  as: admin,
  run: async (p) => {
    await p.goto(`/admin/outbox/${someMail.id}`);
    await hydrated(p);
    await p.getByRole("button", { name: "Show the HTML version" }).click();
  },
});
const benId = (await db.user.findUniqueOrThrow({ where: { email: ben } })).id;
// startServer's secret (scripts/lib/spawn-server.ts), so the server accepts the token.
const token = unsubscribeToken(benId, "discussions", "separate-server-secret-long-enough-for-validation");
await capture({ name: "unsubscribe", run: async (p) => void (await p.goto(`/unsubscribe?token=${token}`)) });
await capture({
  name: "unsubscribe-done",
  run: async (p) => {
    await p.goto(`/unsubscribe?token=${token}`);
    await hydrated(p);
    await p.getByRole("button", { name: "Unsubscribe" }).click();
    await p.getByRole("status").waitFor();
  },
});
const digest = digestMail({
  site: { name: "Lectern", url: server.url },
  recipient: "Ada",
  minutes: 60,
  unsubscribeUrl: `${server.url}/unsubscribe?token=t`,
  settingsUrl: `${server.url}/account#notifications`,
  groups: [
    {
      title: "Part 6: Container Networking",
      url: `${server.url}/courses/docker/networking/discussion`,
      comments: [
        {
          author: 'Ben "B" & Co',
          reason: "reply",
          text: "A project network: <script>alert(1)</script> & service names resolve.\nTry `docker compose exec web ping db`.",
          url: `${server.url}/courses/docker/networking/discussion#comment-1`,
        },
        {
          author: "Cy",
          reason: "followed",
          text: "Bind mounts work too.",
          url: `${server.url}/courses/docker/networking/discussion#comment-2`,
        },
      ],
    },
  ],
});
await capture({ name: "mail-digest", run: (p) => p.setContent(digest.html) });
// The mails as a mail client shows them (their own CSS: light and dark).
for (const kind of ["password-reset", "verify-email"]) {
  const mail = await db.mailMessage.findFirst({ where: { kind }, orderBy: { createdAt: "desc" } });
  if (!mail?.html) continue;
  await capture({ name: `mail-${kind}`, run: (p) => p.setContent(mail.html) });
}

await browser.close();
await db.$disconnect();
await server.stop("SIGTERM");
console.log(`Screenshots in ${out}`);
