// `npm run bench`: builds if needed, starts the production server on a fresh database with
// seeded data, and measures what issue 9's budgets are about. Prints a table and writes
// bench-results/bench.json. A benchmark, not a test: it reports budgets, it does not fail.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureContent } from "./bench/content";
import { measureExerciseWrites } from "./bench/exercise-writes";
import { measureJs } from "./bench/js-bytes";
import { measureLighthouse } from "./bench/lighthouse";
import { type LoadResult, loadRead } from "./bench/load";
import { measureWrites, seedBenchAccounts } from "./bench/writes";
import { buildIfNeeded } from "./lib/build";
import { findChromium } from "./lib/chromium";
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
  const users = await seedBenchAccounts(databaseUrl);

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
  const [quizWrites, progressWrites, commentWrites] = (await measureWrites([base], users)) as [
    LoadResult,
    LoadResult,
    LoadResult,
  ];
  for (const r of [quizWrites, progressWrites, commentWrites]) {
    console.log(
      `  ${r.name.padEnd(16)} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}/${r.requests}`,
    );
  }

  const exerciseWrites = await measureExerciseWrites([base], databaseUrl);
  console.log(
    `  ${exerciseWrites.name.padEnd(16)} ${exerciseWrites.rps} req/s, p50 ${exerciseWrites.p50} ms, p99 ${exerciseWrites.p99} ms, errors ${exerciseWrites.errors}/${exerciseWrites.requests}, lost ${exerciseWrites.lost} of ${exerciseWrites.accepted}`,
  );

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
    {
      budget: "exercise submissions at 64 clients: 0 errors, 0 lost",
      value: `${exerciseWrites.errors} errors, ${exerciseWrites.lost} lost of ${exerciseWrites.accepted}`,
      ok: exerciseWrites.errors === 0 && exerciseWrites.lost === 0,
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
    writes: [quizWrites, progressWrites, commentWrites, exerciseWrites],
    budgets,
  };
  writeFileSync(path.join(out, "bench.json"), JSON.stringify(report, null, 2));
  console.log(`\nWrote ${path.relative(ROOT, path.join(out, "bench.json"))}`);
} finally {
  await server.stop("SIGTERM");
}
