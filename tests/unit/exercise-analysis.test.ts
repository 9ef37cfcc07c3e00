// What an instructor reads about an exercise: figures over the current version's attempts, the
// checks failed most, and submissions shown without who sent them.
import { describe, expect, it } from "vitest";
import { analyseExercise, median } from "@/lib/exercises/analysis";
import { EXERCISE_ANALYSIS_COLUMNS, exerciseAnalysisCsv } from "@/lib/instructor/csv";

const exercise = {
  id: "shrink",
  title: "Shrink it",
  version: "v2",
  checks: [
    { id: "stages", description: "Two stages" },
    { id: "user", description: "Not root" },
  ],
};
let clock = 0;
const attempt = (
  learnerId: string,
  passed: string[],
  version = "v2",
  source = `FROM alpine # ${learnerId}`,
) => ({
  learnerId,
  version,
  createdAt: new Date(++clock * 1000),
  passed: passed.length === 2,
  hintsUsed: 0,
  source,
  checks: exercise.checks.map((c) => ({ id: c.id, passed: passed.includes(c.id) })),
});

describe("exercise item analysis", () => {
  const attempts = [
    attempt("ann", []),
    attempt("ann", ["stages"]),
    attempt("ann", ["stages", "user"]),
    attempt("bob", ["stages"]),
    attempt("bob", ["stages"]),
    attempt("cat", ["stages", "user"]),
    attempt("dan", [], "v1"),
  ];
  const a = analyseExercise(exercise, attempts, 4);

  it("counts the current version only, and learners who passed among those who tried", () => {
    expect(a.attempts).toBe(6);
    expect(a.learners).toBe(3);
    expect(a.passRate).toEqual({ passed: 2, percent: 66.7 });
    expect(a.olderAttempts).toBe(1);
    expect(a.hintRequests).toBe(4);
  });

  it("takes the median of each passing learner's attempts up to the first pass", () => {
    expect(a.medianAttemptsToPass).toBe(2); // ann 3, cat 1
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
  });

  it("lists the checks most failed first, with a sample per learner for the worst, newest first and unnamed", () => {
    expect(a.checks.map((c) => [c.id, c.failed])).toEqual([
      ["user", 4],
      ["stages", 1],
    ]);
    expect(a.samples.map((s) => s.label)).toEqual(["Submission A", "Submission B"]);
    expect(a.samples.map((s) => s.source)).toEqual(["FROM alpine # bob", "FROM alpine # ann"]);
    expect(JSON.stringify(a)).not.toMatch(/"learnerId"/);
  });

  it("cuts a long sample and says how much is left out", () => {
    const long = Array.from({ length: 100 }, (_, i) => `RUN echo ${i}`).join("\n");
    const b = analyseExercise(exercise, [attempt("eve", [], "v2", long)], 0);
    expect(b.samples[0]!.source.split("\n")).toHaveLength(41);
    expect(b.samples[0]!.source).toMatch(/… \(60 more lines\)$/);
  });

  it("exports one exercise row and a row per check, with formula-looking text defused", () => {
    const csv = exerciseAnalysisCsv([
      { course: "docker", lesson: "multi-stage-builds", part: 7, analysis: { ...a, title: "=cmd()" } },
    ]);
    const rows = csv.trim().split("\r\n");
    expect(rows[0]).toBe(EXERCISE_ANALYSIS_COLUMNS.join(","));
    expect(rows).toHaveLength(1 + 1 + exercise.checks.length);
    expect(rows[1]).toContain("exercise,docker,7,multi-stage-builds,shrink,v2,,'=cmd()");
    expect(rows[2]).toMatch(/^check,.*,user,Not root,.*,4,66\.7,$/);
  });
});
