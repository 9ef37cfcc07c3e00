// `npm run bench`: builds if needed, starts the production server on a fresh database with
// seeded data, and measures what issue 9's budgets are about. Prints a table and writes
// bench-results/bench.json. A benchmark, not a test: it reports budgets, it does not fail.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { measureContent } from "./bench/content";
import { measureExerciseWrites } from "./bench/exercise-writes";
import { measureJs } from "./bench/js-bytes";
import { measureLighthouse } from "./bench/lighthouse";
import { measurePages } from "./bench/pages";
import { measureAnchor, measureWriteRows, printWriteRows } from "./bench/write-rows";
import { seedBenchAccounts } from "./bench/writes";
import { buildIfNeeded } from "./lib/build";
import { findChromium } from "./lib/chromium";
import { DIST_DIR } from "./lib/fingerprint";
import { ROOT, run } from "./lib/run";
import { startServer } from "./lib/spawn-server";

const step = (s: string) => console.log(`\n▶ ${s}`);
/** `npm run bench -- --pages`: only the page reads and their anchors (a minute, not ten). */
const pagesOnly = process.argv.includes("--pages");
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
const chromium = await findChromium();
if (!chromium) throw new Error("No Chromium: set LECTERN_CHROMIUM (see README)");

let content: Awaited<ReturnType<typeof measureContent>> | null = null;
if (!pagesOnly) {
  step("Content: cold compile of every lesson, warm recompile of the longest");
  content = await measureContent();
  console.log(
    `  ${content.lessons} lessons cold in ${content.coldAllMs} ms; ${content.warmLesson} warm in ${content.warmOneMs} ms`,
  );
}

step("Build");
await buildIfNeeded();

const dir = mkdtempSync(path.join(tmpdir(), "lectern-bench-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
// Explicit bench configuration: 64 clients share one address, so limits are scaled up.
const port = Number(process.env.LECTERN_BENCH_PORT ?? 3600);
const server = await startServer(port, databaseUrl, {
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
  step(`Page reads and their anchors (wrk, 64 connections, 8 s each; load: ${loadAverage()})`);
  const pages = await measurePages({
    appPort: port,
    distDir: DIST_DIR,
    dir,
    part7: PAGES.part7,
    simplest: PAGES.simplest,
  });
  for (const r of pages.reads)
    console.log(
      `  ${r.name.padEnd(42)} ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`,
    );
  const report: Record<string, unknown> = {
    measuredAt: new Date().toISOString(),
    machine: "2 cores",
    loadAverage: loadAverage(),
    pageSizes: pages.sizes,
    reads: pages.reads,
  };
  const budgets = [...pages.budgets];

  if (!pagesOnly) {
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

    step("Writes: 64 concurrent clients, 10 s each, beside /about and the bare write anchor");
    const anchor = await measureAnchor(port + 50);
    const writes = await measureWriteRows({
      bases: [base],
      databaseUrl,
      accounts: users,
      anchor,
      pgids: [server.pid],
    });
    printWriteRows(writes.about, writes.rows, anchor);

    step("Exercise submissions: 64 concurrent clients, graded on the server, counted in the database");
    const exerciseWrites = await measureExerciseWrites([base], databaseUrl);
    console.log(
      `  ${exerciseWrites.name.padEnd(16)} ${exerciseWrites.rps} req/s, p50 ${exerciseWrites.p50} ms, p99 ${exerciseWrites.p99} ms, errors ${exerciseWrites.errors}/${exerciseWrites.requests}, lost ${exerciseWrites.lost} of ${exerciseWrites.accepted}`,
    );

    const floor = js.find((r) => r.page === "simplest")!.gzipBytes;
    const lessonJs = js.find((r) => r.page === "part7")!.gzipBytes;
    budgets.push(
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
        budget: "exercise submissions at 64 clients: 0 errors, 0 lost",
        value: `${exerciseWrites.errors} errors, ${exerciseWrites.lost} lost of ${exerciseWrites.accepted}`,
        ok: exerciseWrites.errors === 0 && exerciseWrites.lost === 0,
      },
      ...writes.rows.map((w) => ({
        budget: `${w.name}: ≥ 50% of /about, p99 ≤ 100 ms at 64 clients, 0 lost`,
        value: `${Math.round(w.ratioToAbout * 100)}%, p99 ${w.p99} ms, ${w.errors} errors, ${w.lost} lost`,
        ok: w.ratioToAbout >= 0.5 && w.p99 <= 100 && w.errors === 0 && w.lost === 0,
      })),
    );
    // Write rows (issue 17): each write's figures, lost count and ratios to /about (same
    // generator, same run) and to the bare node:http + better-sqlite3 anchor.
    Object.assign(report, {
      content,
      js,
      lighthouse,
      writes: { loadAverage: loadavg(), about: writes.about, anchor, rows: writes.rows },
      exerciseWrites: [exerciseWrites],
    });
  }
  report.budgets = budgets;
  console.log("\n| budget | measured | |\n|---|---|---|");
  for (const b of budgets) console.log(`| ${b.budget} | ${b.value} | ${b.ok ? "✔ met" : "✖ missed"} |`);

  const out = path.join(ROOT, "bench-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "bench.json"), JSON.stringify(report, null, 2));
  if (!pagesOnly) {
    // Server grading time per Part 7 exercise (in-process, as the submit write calls it): its
    // script adds the rows to bench.json under `exerciseGrading`.
    step("Exercise grading: p50 and p95 per Part 7 exercise");
    await run("node", ["node_modules/tsx/dist/cli.mjs", "scripts/bench-exercises.ts", "200"]);
  }
  console.log(
    `\nWrote ${path.relative(ROOT, path.join(out, "bench.json"))} (npm run bench:readme puts it in README.md)`,
  );
} finally {
  await server.stop("SIGTERM");
}
