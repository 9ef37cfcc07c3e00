// `npm run bench`: builds if needed, starts the production server on a fresh database with
// seeded data, and measures what issue 9's budgets are about. Prints a table and writes
// bench-results/bench.json. A benchmark, not a test: it reports budgets, it does not fail.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { measureContent } from "./bench/content";
import { measureJs } from "./bench/js-bytes";
import { measureLighthouse } from "./bench/lighthouse";
import { loadRead } from "./bench/load";
import { measureAnchor, measureWriteRows, printWriteRows } from "./bench/write-rows";
import { seedBenchAccounts } from "./bench/writes";
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

  step("Writes: 64 concurrent clients, 10 s each, beside /about and the bare write anchor");
  const anchor = await measureAnchor(Number(new URL(base).port) + 50);
  const writes = await measureWriteRows({
    bases: [base],
    databaseUrl,
    accounts: users,
    anchor,
    pgids: [server.pid],
  });
  printWriteRows(writes.about, writes.rows, anchor);

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
    ...writes.rows.map((w) => ({
      budget: `${w.name}: ≥ 50% of /about, p99 ≤ 100 ms at 64 clients, 0 lost`,
      value: `${Math.round(w.ratioToAbout * 100)}%, p99 ${w.p99} ms, ${w.errors} errors, ${w.lost} lost`,
      ok: w.ratioToAbout >= 0.5 && w.p99 <= 100 && w.errors === 0 && w.lost === 0,
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
    // Write rows (issue 17): each write's figures, lost count and ratios to /about (same
    // generator, same run) and to the bare node:http + better-sqlite3 anchor.
    writes: { loadAverage: os.loadavg(), about: writes.about, anchor, rows: writes.rows },
    budgets,
  };
  writeFileSync(path.join(out, "bench.json"), JSON.stringify(report, null, 2));
  console.log(`\nWrote ${path.relative(ROOT, path.join(out, "bench.json"))}`);
} finally {
  await server.stop("SIGTERM");
}
