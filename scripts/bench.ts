// `npm run bench`: builds if needed, starts the production server on a fresh database with
// seeded data, and measures what issue 9's budgets are about. Prints a table and writes
// bench-results/bench.json. A benchmark, not a test: it reports budgets, it does not fail.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { createUser } from "../lib/auth/users";
import { optionId, quizVersion } from "../lib/quiz/public";
import { QuizDefinitionSchema } from "../lib/quiz/schema";
import { measureContent } from "./bench/content";
import { measureJs } from "./bench/js-bytes";
import { measureLighthouse } from "./bench/lighthouse";
import { loadRead, loadWrite } from "./bench/load";
import { buildIfNeeded } from "./lib/build";
import { findChromium } from "./lib/chromium";
import { scriptClient } from "./lib/prisma-client";
import { ROOT } from "./lib/run";
import { startServer } from "./lib/spawn-server";

const step = (s: string) => console.log(`\n▶ ${s}`);
const chromium = await findChromium();
if (!chromium) throw new Error("No Chromium: set LECTERN_CHROMIUM (see README)");

step("Content: cold compile of every lesson, warm recompile of the longest");
const content = await measureContent();
console.log(
  `  ${content.lessons} lessons cold in ${content.coldAllMs} ms; ${content.warmLesson} warm in ${content.warmOneMs} ms`,
);

step("Build");
await buildIfNeeded();

const dir = mkdtempSync(path.join(tmpdir(), "lectern-bench-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
// Explicit bench configuration: 64 clients share one address, so limits are scaled up.
const server = await startServer(Number(process.env.LECTERN_BENCH_PORT ?? 3600), databaseUrl, {
  LECTERN_RATE_LIMIT_SCALE: "100000",
  LECTERN_SECRET: randomUUID() + randomUUID(),
});
const base = server.url;
const PAGES = {
  catalog: "/",
  course: "/courses/docker",
  part7: "/courses/docker/multi-stage-builds",
  simplest: "/about",
};

try {
  step("Seeding 64 accounts");
  const db = scriptClient(databaseUrl);
  const users = await Promise.all(
    Array.from({ length: 64 }, (_, i) =>
      createUser(db, {
        email: `bench${i}@example.test`,
        name: `Bench ${i}`,
        password: "bench-password-long-enough",
        role: "learner",
      }).then(() => `bench${i}@example.test`),
    ),
  );
  await db.$disconnect();

  step("JavaScript downloaded per page (Chromium, gzip)");
  const js = await measureJs(base, PAGES, chromium.path);
  for (const r of js)
    console.log(`  ${r.page.padEnd(9)} ${(r.gzipBytes / 1024).toFixed(1)} KB gzip in ${r.scripts} scripts`);

  step("Lighthouse (mobile)");
  const { simplest: _s, ...lhPages } = PAGES;
  const lighthouse = await measureLighthouse(base, lhPages, chromium.path);
  for (const r of lighthouse)
    console.log(
      `  ${r.page.padEnd(9)} perf ${r.performance}, a11y ${r.accessibility}, best ${r.bestPractices}, seo ${r.seo}`,
    );

  step("Reads: 64 connections, 10 s each");
  const part7 = await loadRead("Part 7", `${base}${PAGES.part7}`);
  const simplest = await loadRead("simplest page", `${base}${PAGES.simplest}`);
  for (const r of [part7, simplest])
    console.log(
      `  ${r.name.padEnd(14)} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`,
    );

  step("Writes: 64 concurrent clients, 10 s each");
  const source = (await import("node:fs")).readFileSync(
    path.join(ROOT, "content/courses/docker/07-multi-stage-builds.mdx"),
    "utf8",
  );
  const quiz = QuizDefinitionSchema.parse(parse(/```quiz\n([\s\S]*?)\n```/.exec(source)![1]!));
  const version = quizVersion(quiz);
  const firstChoice = Object.fromEntries(
    quiz.questions.map((q) => {
      if (q.type === "single") return [q.id, optionId(quiz.id, q.id, q.choices[0]!.text)];
      if (q.type === "multiple") return [q.id, [optionId(quiz.id, q.id, q.choices[0]!.text)]];
      if (q.type === "truefalse") return [q.id, true];
      if (q.type === "fill") return [q.id, "--from"];
      if (q.type === "order") return [q.id, q.items.map((t) => optionId(quiz.id, q.id, t))];
      return [q.id, 50];
    }),
  );
  const anonymous = Array.from({ length: 64 }, () => null);
  const quizWrites = await loadWrite(
    "quiz submission",
    `${base}/api/learner/quiz-attempts`,
    anonymous,
    () => ({
      course: "docker",
      lesson: "multi-stage-builds",
      quizId: quiz.id,
      version,
      submissionId: randomUUID(),
      answers: firstChoice,
    }),
  );
  const progressWrites = await loadWrite(
    "progress write",
    `${base}/api/learner/completions`,
    anonymous,
    (c, n) => ({
      course: "docker",
      lesson: ["volumes", "networking", "compose"][n % 3],
      complete: (c + n) % 2 === 0,
    }),
  );
  const sessions: string[] = [];
  for (const email of users) {
    const res = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "bench-password-long-enough" }),
    });
    sessions.push((res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; "));
  }
  const commentWrites = await loadWrite("comment post", `${base}/api/comments`, sessions, (c, n) => ({
    course: "docker",
    lesson: "multi-stage-builds",
    body: `Benchmark comment ${c}-${n}: does \`COPY --from\` keep file permissions?`,
    submissionId: randomUUID(),
  }));
  for (const r of [quizWrites, progressWrites, commentWrites]) {
    console.log(
      `  ${r.name.padEnd(16)} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}/${r.requests}`,
    );
  }

  const floor = js.find((r) => r.page === "simplest")!.gzipBytes;
  const lessonJs = js.find((r) => r.page === "part7")!.gzipBytes;
  const budgets = [
    {
      budget: "Part 7 JS ≤ floor + 25 KB gzip",
      value: `${((lessonJs - floor) / 1024).toFixed(1)} KB over the floor`,
      ok: lessonJs - floor <= 25 * 1024,
    },
    ...lighthouse.map((l) => ({
      budget: `${l.page}: performance ≥ 95, accessibility 100`,
      value: `${l.performance} / ${l.accessibility}`,
      ok: l.performance >= 95 && l.accessibility === 100,
    })),
    {
      budget: "Part 7 throughput ≥ 90% of the simplest page",
      value: `${Math.round((part7.rps / simplest.rps) * 100)}%`,
      ok: part7.rps >= 0.9 * simplest.rps,
    },
    ...[quizWrites, progressWrites, commentWrites].map((w) => ({
      budget: `${w.name}: p99 ≤ 50 ms at 64 clients`,
      value: `${w.p99} ms`,
      ok: w.p99 <= 50 && w.errors === 0,
    })),
  ];
  console.log("\n| budget | measured | |\n|---|---|---|");
  for (const b of budgets) console.log(`| ${b.budget} | ${b.value} | ${b.ok ? "✔ met" : "✖ missed"} |`);

  const out = path.join(ROOT, "bench-results");
  mkdirSync(out, { recursive: true });
  const report = {
    measuredAt: new Date().toISOString(),
    machine: "2 cores",
    content,
    js,
    lighthouse,
    reads: [part7, simplest],
    writes: [quizWrites, progressWrites, commentWrites],
    budgets,
  };
  writeFileSync(path.join(out, "bench.json"), JSON.stringify(report, null, 2));
  console.log(`\nWrote ${path.relative(ROOT, path.join(out, "bench.json"))}`);
} finally {
  await server.stop("SIGTERM");
}
