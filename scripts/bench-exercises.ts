// Benchmarks server-side grading of the Part 7 exercises: for each exercise, the time to grade its
// reference solution and its starter (p50 and p95 over many runs), and the same as a ratio to
// analysing the file alone (the analyzer is the floor: every grade runs it once). Grading runs
// in-process, exactly as the submit action calls it; no server is started.
// Usage: npm run bench:exercises [-- iterations]
// Writes its rows into bench-results/bench.json under `exerciseGrading` when that file exists
// (npm run bench makes it), and always prints a table.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { readCatalog } from "../lib/content/catalog";
import { compileLesson } from "../lib/content/compile";
import { analyzeDockerfile } from "../lib/docker/dockerfile";
import { GRADE_BUDGET_MS, gradeExercise } from "../lib/exercises/grade";

const ROOT = path.resolve(import.meta.dirname, "..");
const iterations = Number(process.argv[2] ?? 500);
const WARMUP = 50;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs `fn` `iterations` times after a warm-up; returns the sorted durations in ms. */
function timings(fn: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

const { courses } = readCatalog();
const lesson = courses.flatMap((c) => c.lessons).find((l) => l.slug === "multi-stage-builds");
if (!lesson) throw new Error("Part 7 (multi-stage-builds) is not in the catalog");
const compiled = await compileLesson(readFileSync(lesson.file, "utf8"), lesson.displayPath);
if (!compiled.ok) throw new Error(`Part 7 does not compile: ${compiled.diagnostics[0]?.message}`);

const loadBefore = loadavg()[0] ?? 0;
const rows = compiled.lesson.exercises.flatMap((exercise) =>
  (["solution", "starter"] as const).map((which) => {
    const source = exercise[which];
    const grade = timings(() => gradeExercise(exercise, source));
    const analyse = timings(() => analyzeDockerfile(source));
    const p50 = percentile(grade, 50);
    const p95 = percentile(grade, 95);
    return {
      exercise: exercise.id,
      submission: which,
      checks: exercise.checks.length,
      p50Ms: round(p50),
      p95Ms: round(p95),
      /** Grading time over analysing the same file alone, at p50: what the checks add. */
      gradeOverAnalyseP50: Math.round((p50 / percentile(analyse, 50)) * 100) / 100,
      /** p95 as a share of the grader's time budget. */
      p95OfBudget: `${((p95 / GRADE_BUDGET_MS) * 100).toFixed(2)}%`,
    };
  }),
);
const load = { before: loadBefore, after: loadavg()[0] ?? 0 };

console.log(
  `Grading the Part 7 exercises, ${iterations} runs each (load ${load.before.toFixed(2)} → ${load.after.toFixed(2)}, 2 cores)\n`,
);
console.log("| exercise | submission | checks | p50 | p95 | grade ÷ analyse (p50) | p95 of the 1 s budget |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows)
  console.log(
    `| ${r.exercise} | ${r.submission} | ${r.checks} | ${r.p50Ms} ms | ${r.p95Ms} ms | ${r.gradeOverAnalyseP50}× | ${r.p95OfBudget} |`,
  );

const file = path.join(ROOT, "bench-results", "bench.json");
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  report.exerciseGrading = { measuredAt: new Date().toISOString(), iterations, load, rows };
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nWrote the rows into ${path.relative(ROOT, file)} (exerciseGrading)`);
} else {
  console.log(
    "\nbench-results/bench.json is not there (npm run bench makes it); the rows were only printed.",
  );
}
