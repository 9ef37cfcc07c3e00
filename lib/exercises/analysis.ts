import type { CheckOutcome } from "./types";

/** One stored attempt, as the analysis reads it. */
export type ExerciseAttemptRecord = {
  learnerId: string;
  version: string;
  createdAt: Date;
  passed: boolean;
  hintsUsed: number;
  source: string;
  checks: Pick<CheckOutcome, "id" | "passed">[];
};

export type CheckFigures = { id: string; description: string; failed: number; failedPercent: number | null };

/** An exercise's figures over the attempts on its current version. */
export type ExerciseAnalysis = {
  exerciseId: string;
  title: string;
  version: string;
  attempts: number;
  learners: number;
  /** Learners with a passing attempt, of the learners who tried. */
  passRate: { passed: number; percent: number | null };
  /** Hint requests recorded (beyond the first hint every failed check shows). */
  hintRequests: number;
  /** Per learner who passed: attempts up to and including the first pass; the median of those. */
  medianAttemptsToPass: number | null;
  /** Every check, most failed first. */
  checks: CheckFigures[];
  /** A few submissions that failed the most-failed check, without who sent them (newest first). */
  samples: { label: string; source: string }[];
  /** Attempts on earlier versions, counted apart. */
  olderAttempts: number;
};

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** The median of a list of numbers (the mean of the middle two for an even count), or null. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The longest sample shown, in lines: enough to see the mistake, not a whole file dump. */
const SAMPLE_LINES = 40;

/**
 * Item analysis of one exercise: attempts, learners, pass rate, hint requests, median attempts to
 * pass, the checks failed most, and up to `sampleCount` anonymised submissions for the most-failed
 * check. Counts only the current version's attempts (a changed exercise starts afresh).
 */
export function analyseExercise(
  exercise: { id: string; title: string; version: string; checks: { id: string; description: string }[] },
  attempts: ExerciseAttemptRecord[],
  hintRequests: number,
  sampleCount = 3,
): ExerciseAnalysis {
  const current = attempts
    .filter((a) => a.version === exercise.version)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const byLearner = new Map<string, ExerciseAttemptRecord[]>();
  for (const a of current) byLearner.set(a.learnerId, [...(byLearner.get(a.learnerId) ?? []), a]);
  const toPass: number[] = [];
  for (const list of byLearner.values()) {
    const first = list.findIndex((a) => a.passed);
    if (first >= 0) toPass.push(first + 1);
  }
  const checks = exercise.checks
    .map((c) => {
      const failed = current.filter((a) => a.checks.some((o) => o.id === c.id && !o.passed)).length;
      return { id: c.id, description: c.description, failed, failedPercent: percent(failed, current.length) };
    })
    .sort((a, b) => b.failed - a.failed);
  const worst = checks[0] && checks[0].failed > 0 ? checks[0].id : null;
  // One sample per learner at most, so one learner's many tries do not fill the list.
  const seen = new Set<string>();
  const samples: ExerciseAnalysis["samples"] = [];
  for (const a of [...current].reverse()) {
    if (!worst || samples.length >= sampleCount || seen.has(a.learnerId)) continue;
    if (!a.checks.some((o) => o.id === worst && !o.passed)) continue;
    seen.add(a.learnerId);
    const lines = a.source.split("\n");
    const source =
      lines.length > SAMPLE_LINES
        ? `${lines.slice(0, SAMPLE_LINES).join("\n")}\n… (${lines.length - SAMPLE_LINES} more lines)`
        : a.source;
    samples.push({ label: `Submission ${String.fromCharCode(65 + samples.length)}`, source });
  }
  return {
    exerciseId: exercise.id,
    title: exercise.title,
    version: exercise.version,
    attempts: current.length,
    learners: byLearner.size,
    passRate: { passed: toPass.length, percent: percent(toPass.length, byLearner.size) },
    hintRequests,
    medianAttemptsToPass: median(toPass),
    checks,
    samples,
    olderAttempts: attempts.length - current.length,
  };
}
