// Two app servers on one database, as behind a load balancer: a learner's requests alternate
// between them and nothing depends on which one answers. Runs on SQLite (two processes, one
// file) and, in npm test's PostgreSQL pass, on PostgreSQL, the setup this exists for.
import { expect, test } from "@playwright/test";
import { confirmEmail, PASSWORD, signUp, uniqueEmail } from "./support/accounts";
import { E2E_PROVIDER, freshDatabase } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { authoredQuiz } from "./support/lesson-source";
import { answerQuiz } from "./support/quiz";
import { type RunningServer, startServer } from "./support/server";

// Part 8: its quiz alone completes it (Part 7 also asks for its exercises, by its default rule).
const quiz = authoredQuiz("08-compose.mdx");
const PART8 = "/courses/docker/compose";
const base = Number(process.env.LECTERN_E2E_PORT ?? 3100);

test(`two app servers on one ${E2E_PROVIDER} database behave as one`, { tag: "@db" }, async ({ browser }) => {
  test.setTimeout(180_000);
  const { url } = await freshDatabase("scaleout");
  // Both start at once on the empty database: one migrates and seeds, the other waits for it.
  // No LECTERN_SECRET: the cookie-signing secret both use is the one stored in the database.
  const env = { LECTERN_SECRET: "", LECTERN_RATE_LIMIT_SCALE: "1" };
  const starts = await Promise.allSettled([
    startServer(base + 400, url, env),
    startServer(base + 450, url, env),
  ]);
  const failed = starts.find((s) => s.status === "rejected");
  if (failed) {
    // Stop the one that did start, so it does not keep its port for the next test.
    for (const s of starts) if (s.status === "fulfilled") await s.value.stop("SIGTERM");
    throw failed.reason;
  }
  const [a, b] = starts.map((s) => (s as PromiseFulfilledResult<RunningServer>).value) as [
    RunningServer,
    RunningServer,
  ];
  try {
    const started = `${a.output()}\n${b.output()}`;
    expect(started.match(/Seeded 1 course/g)).toHaveLength(2);
    for (const server of [a, b]) {
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", database: { status: "ok", provider: E2E_PROVIDER } });
    }

    // Relative URLs (the sign-up helper's) go to B; A is always addressed in full.
    const context = await browser.newContext({ baseURL: b.url });
    const page = await context.newPage();

    // A quiz attempt on A…
    await page.goto(`${a.url}${PART8}`);
    await waitForHydration(page);
    const section = page.locator(`[data-quiz="${quiz.id}"]`);
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByTestId("quiz-stats")).toHaveText("Not attempted yet.");
    await answerQuiz(section, quiz.questions, true);
    await section.getByRole("button", { name: "Submit answers" }).click();
    // The first write of a just-started server loads its action code and database client
    // (measured 7.3 s in CI with both test workers busy), so this one wait is longer.
    await expect(section.locator(".quiz-result")).toContainText("Passed", { timeout: 30_000 });

    // …is the learner's progress on B (same anonymous learner cookie, verified with the same secret).
    await page.goto(`${b.url}/progress`);
    await expect(page.locator('[data-lesson="compose"] [data-status]')).toContainText("Completed");
    await expect(page.locator("[data-attempt]")).toHaveCount(1);
    await page.goto(`${b.url}${PART8}`);
    await waitForHydration(page);
    await expect(page.locator(`[data-quiz="${quiz.id}"]`).getByTestId("quiz-stats")).toContainText(
      "Attempts: 1",
    );

    // Signed up on B, the account (and its merged progress) is signed in on A.
    const email = uniqueEmail("scale");
    await signUp(page, "Scale Out", email, PASSWORD, "/");
    await confirmEmail(page, email, url);
    await page.goto(`${a.url}/progress`);
    await expect(page.locator('[data-lesson="compose"] [data-status]')).toContainText("Completed");

    // A comment posted through A…
    const text = `Posted on one server, read on the other ${Date.now()}`;
    await page.goto(`${a.url}${PART8}`);
    await waitForHydration(page);
    const discussion = page.locator("#discussion");
    await discussion.scrollIntoViewIfNeeded();
    const box = discussion.getByRole("textbox", { name: /^Comment as/ });
    await box.fill(text);
    await discussion.getByRole("button", { name: "Post comment" }).click();
    await expect(box).toHaveValue("");
    // …is in the thread B serves, to another visitor too.
    const other = await browser.newContext({ baseURL: b.url });
    const visitor = await other.newPage();
    await visitor.goto(`${b.url}${PART8}`);
    await visitor.locator("#discussion").scrollIntoViewIfNeeded();
    await expect(visitor.locator("#discussion").getByText(text)).toBeVisible();
    await other.close();
    await context.close();

    // A rate limit spent on one server holds on the other: sign-in attempts for one email,
    // alternating A, B, A, … are refused once the policy's 8 are used, whichever server answers.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const server = i % 2 === 0 ? a : b;
      const res = await fetch(`${server.url}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "not-the-password-at-all" }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect((await res.json()).error).toMatch(/try again/i);
    }
    // The first 8 are refused as wrong credentials (a 4xx that is not 429), the rest as too many.
    expect(
      statuses.slice(0, 8).every((s) => s >= 400 && s < 500 && s !== 429),
      String(statuses),
    ).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
  } finally {
    await Promise.all([a.stop("SIGTERM"), b.stop("SIGTERM")]);
  }
});
